using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace Storyline.Web;

/// <summary>Validated request parameters: each reader returns the value or a one-line reason it is refused.</summary>
internal static partial class Query
{
    public const int MaxTextLength = 200;

    [GeneratedRegex("^[0-9a-f]{16}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    [GeneratedRegex("^s-[0-9a-f]{16}$", RegexOptions.CultureInvariant)]
    private static partial Regex StoryIdPattern();

    [GeneratedRegex("^[0-9]{4}-[0-9]{2}-[0-9]{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex DayPattern();

    /// <summary>Article ids are 16 lower-case hex digits; anything else is refused before it reaches the store.</summary>
    public static bool IsArticleId(string? id) => id is not null && IdPattern().IsMatch(id);

    /// <summary>Story ids are "s-" and their founding article's id.</summary>
    public static bool IsStoryId(string? id) => id is not null && StoryIdPattern().IsMatch(id);

    public static string? Text(HttpRequest request, string name, out string? error)
    {
        error = null;
        var value = request.Query[name].ToString();
        if (value.Length == 0)
        {
            return null;
        }

        if (value.Length > MaxTextLength)
        {
            error = $"'{name}' is longer than {MaxTextLength} characters";
            return null;
        }

        return value.Trim();
    }

    public static string? Day(HttpRequest request, string name, out string? error)
    {
        error = null;
        var value = request.Query[name].ToString();
        if (value.Length == 0)
        {
            return null;
        }

        if (!DayPattern().IsMatch(value) || !DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            error = $"'{name}' must be a day as YYYY-MM-DD";
            return null;
        }

        return value;
    }

    public static int Int(HttpRequest request, string name, int fallback, int min, int max, out string? error)
    {
        error = null;
        var value = request.Query[name].ToString();
        if (value.Length == 0)
        {
            return fallback;
        }

        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < min || n > max)
        {
            error = $"'{name}' must be a whole number from {min} to {max}";
            return fallback;
        }

        return n;
    }

    /// <summary>The first refusal among the readers' errors, or null when every parameter is valid.</summary>
    public static string? FirstError(params string?[] errors) => errors.FirstOrDefault(e => e is not null);
}
