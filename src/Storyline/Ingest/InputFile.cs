namespace Storyline.Ingest;

/// <summary>Opens an input file for streaming, turning the usual failures into the one-line reason a user sees.</summary>
internal static class InputFile
{
    /// <summary>The file's stream (gunzipped when <paramref name="compressed"/>), or null with the reason it cannot be read.</summary>
    public static Stream? Open(string file, bool compressed, out string? error)
    {
        error = null;
        try
        {
            return compressed ? new CheckedGzipStream(file) : new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            error = e is UnauthorizedAccessException ? "permission denied" : e.Message;
            return null;
        }
    }
}
