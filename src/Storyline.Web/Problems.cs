using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Storyline.Web;

/// <summary>Errors as RFC 9457 problem+json: a status, a title and one sentence a user can act on; never a stack trace.</summary>
internal static class Problems
{
    public static IResult BadRequest(string detail) => Result(StatusCodes.Status400BadRequest, detail);

    public static IResult NotFound(string detail) => Result(StatusCodes.Status404NotFound, detail);

    public static IResult Result(int status, string detail) =>
        Results.Text(Json(status, detail), "application/problem+json", statusCode: status);

    public static Task WriteAsync(HttpContext context, int status, string detail)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/problem+json";
        return context.Response.WriteAsync(Json(status, detail));
    }

    public static string Title(int status) => status switch
    {
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        413 => "Payload Too Large",
        415 => "Unsupported Media Type",
        503 => "Service Unavailable",
        _ when status >= 500 => "Internal Server Error",
        _ => "Error",
    };

    private static string Json(int status, string detail) =>
        JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["type"] = "about:blank",
            ["title"] = Title(status),
            ["status"] = status,
            ["detail"] = detail,
        });
}
