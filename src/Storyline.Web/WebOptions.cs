namespace Storyline.Web;

/// <summary>How <c>storyline serve</c> runs: which store, where it listens, how much one upload may carry.</summary>
public sealed record WebOptions
{
    /// <summary>The SQLite store file. <c>:memory:</c> is refused: readers and the writer must share one file.</summary>
    public required string DbPath { get; init; }

    /// <summary>The address to bind; loopback unless the user says otherwise.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>The port; 0 picks a free one (tests).</summary>
    public int Port { get; init; } = 5080;

    /// <summary>Largest request body accepted by <c>POST /api/ingest</c>.</summary>
    public long MaxUploadBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Where uploaded pages are kept (their articles' origin points there); default: a folder beside the store.</summary>
    public string? UploadFolder { get; init; }

    /// <summary>Threads the live ingest may use; half the cores by default, so readers keep a core while it runs.</summary>
    public int IngestThreads { get; init; } = Math.Max(1, Environment.ProcessorCount / 2);

    /// <summary>Warnings and errors (a failed request, a failed ingest job) to the console, one line each.</summary>
    public bool LogToConsole { get; init; }

    /// <summary>Compose every story's view in the background (at start and after each change), so pages are answered from kept views.</summary>
    public bool WarmStoryViews { get; init; } = true;

    /// <summary>Reader connections kept open between requests.</summary>
    public int ReaderPoolSize { get; init; } = 8;
}
