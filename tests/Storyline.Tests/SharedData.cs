namespace Storyline.Tests;

/// <summary>
/// Finds ../shared (seeds and datasets, third-party text that stays out of the repo). Tests that need it use
/// <see cref="SharedFactAttribute"/>: they are skipped, with the reason shown, when it is absent — unless
/// STORYLINE_REQUIRE_SHARED=1 (CI), where absence fails them.
/// </summary>
public static class SharedData
{
    public static readonly string? Root = Find();

    public static bool Required => Environment.GetEnvironmentVariable("STORYLINE_REQUIRE_SHARED") == "1";

    public static string Seeds => Path.Combine(RequireRoot(), "seeds");

    public static string Data => Path.Combine(RequireRoot(), "data");

    public static string Seed(string prefix) =>
        Directory.GetFiles(Seeds, prefix + "_*.txt").Single();

    /// <summary>The repository's root folder (holds Storyline.sln).</summary>
    public static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Storyline.sln")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? throw new InvalidOperationException("Storyline.sln not found above " + AppContext.BaseDirectory);
        }
    }

    private static string RequireRoot() =>
        Root ?? throw new InvalidOperationException("../shared was not found beside the repository (STORYLINE_REQUIRE_SHARED=1 requires it)");

    private static string? Find()
    {
        var env = Environment.GetEnvironmentVariable("STORYLINE_SHARED");
        if (!string.IsNullOrEmpty(env) && Directory.Exists(env))
        {
            return env;
        }

        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null)
        {
            var candidate = Path.Combine(dir.FullName, "shared");
            if (Directory.Exists(Path.Combine(candidate, "seeds")))
            {
                return candidate;
            }

            dir = dir.Parent;
        }

        return null;
    }
}

/// <summary>A fact that needs ../shared: skipped with a visible reason when it is absent and not required.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SharedFactAttribute : FactAttribute
{
    public SharedFactAttribute()
    {
        if (SharedData.Root is null && !SharedData.Required)
        {
            Skip = "../shared is absent (seeds and datasets live there); set STORYLINE_REQUIRE_SHARED=1 to make this a failure";
        }
    }
}

/// <summary>A theory that needs ../shared; see <see cref="SharedFactAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SharedTheoryAttribute : TheoryAttribute
{
    public SharedTheoryAttribute()
    {
        if (SharedData.Root is null && !SharedData.Required)
        {
            Skip = "../shared is absent (seeds and datasets live there); set STORYLINE_REQUIRE_SHARED=1 to make this a failure";
        }
    }
}
