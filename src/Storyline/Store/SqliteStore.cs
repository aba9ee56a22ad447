using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Storyline.Extract;
using Storyline.Model;

namespace Storyline.Store;

/// <summary>A stored article's summary row, for listings.</summary>
public sealed record ArticleRow(string Id, string Origin, string? Title, string? Outlet, string? Date, string? DateSource, int TextLength, int Removed);

/// <summary>A stored article's listing fields, read without its record (cheap for large stores).</summary>
public sealed record ArticleBrief(string Id, string Origin, string? Title, string? Outlet, string? Date);

/// <summary>A full-text search hit.</summary>
public sealed record SearchHit(string Id, string? Title, string Snippet, double Rank);

/// <summary>
/// The embedded store: one SQLite file (or <c>:memory:</c>) in WAL mode, with a versioned schema, an FTS5 index
/// over clean text, and writes in transactions so a run that stops half-way leaves every article whole or absent.
/// One instance holds one connection: use it from one thread at a time (the pipeline writes from one thread).
/// </summary>
public sealed class SqliteStore : IDisposable
{
    /// <summary>The schema version this code writes; older stores are migrated on open.</summary>
    public const int SchemaVersion = 1;

    private readonly SqliteConnection _connection;

    // The story rewrite in progress, if any: every command of this instance joins its transaction.
    private SqliteTransaction? _rewrite;

    private SqliteStore(SqliteConnection connection, string path)
    {
        _connection = connection;
        Path = path;
    }

    /// <summary>The store's file, or <c>:memory:</c>.</summary>
    public string Path { get; }

    /// <summary>Opens (creating or migrating) the store at <paramref name="path"/>; <c>:memory:</c> for a one-shot store.</summary>
    public static SqliteStore Open(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = path == ":memory:" ? SqliteOpenMode.Memory : SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        };
        var connection = new SqliteConnection(builder.ToString());
        connection.Open();
        var store = new SqliteStore(connection, path);
        try
        {
            store.Execute("PRAGMA journal_mode=WAL;");
            store.Execute("PRAGMA synchronous=NORMAL;");
            store.Execute("PRAGMA foreign_keys=ON;");
            store.Execute("PRAGMA busy_timeout=5000;");
            store.Migrate();
        }
        catch
        {
            store.Dispose();
            throw;
        }

        return store;
    }

    /// <summary>The schema version stored in the file.</summary>
    public int StoredSchemaVersion => Convert.ToInt32(Scalar("PRAGMA user_version;"), CultureInfo.InvariantCulture);

    private void Migrate()
    {
        var version = StoredSchemaVersion;
        if (version > SchemaVersion)
        {
            throw new InvalidOperationException($"{Path}: store schema version {version} is newer than this Storyline understands ({SchemaVersion})");
        }

        // Each step moves the schema one version on, inside a transaction with its version bump.
        for (var v = version; v < SchemaVersion; v++)
        {
            using var tx = _connection.BeginTransaction();
            foreach (var sql in Migrations.Steps[v])
            {
                Execute(sql, tx);
            }

            Execute($"PRAGMA user_version = {v + 1};", tx);
            tx.Commit();
        }
    }

    /// <summary>True when an article with this id is stored.</summary>
    public bool Contains(string id)
    {
        using var cmd = Command("SELECT 1 FROM articles WHERE id = $id;");
        cmd.Parameters.AddWithValue("$id", id);
        return cmd.ExecuteScalar() is not null;
    }

    /// <summary>Stores the articles (skipping ids already stored) in one transaction; returns how many were new.</summary>
    public int AddArticles(IReadOnlyList<Article> articles)
    {
        ArgumentNullException.ThrowIfNull(articles);
        using var tx = _connection.BeginTransaction();
        using var cmd = Command(
            """
            INSERT OR IGNORE INTO articles(id, origin, url, title, outlet, date, date_source, text, record)
            VALUES ($id, $origin, $url, $title, $outlet, $date, $date_source, $text, $record);
            """, tx);
        var p = new[] { "$id", "$origin", "$url", "$title", "$outlet", "$date", "$date_source", "$text", "$record" }
            .Select(n => cmd.Parameters.Add(n, SqliteType.Text)).ToArray();
        var added = 0;
        foreach (var a in articles)
        {
            p[0].Value = a.Id;
            p[1].Value = a.Origin;
            p[2].Value = (object?)a.Url ?? DBNull.Value;
            p[3].Value = (object?)a.Title?.Value ?? DBNull.Value;
            p[4].Value = (object?)a.Outlet?.Value ?? DBNull.Value;
            p[5].Value = (object?)a.Date?.Day ?? DBNull.Value;
            p[6].Value = (object?)a.Date?.Source ?? DBNull.Value;
            p[7].Value = a.Text;
            p[8].Value = JsonSerializer.Serialize(a, StorylineJson.Compact);
            added += cmd.ExecuteNonQuery();
        }

        tx.Commit();
        return added;
    }

    /// <summary>Number of stored articles.</summary>
    public int ArticleCount => Convert.ToInt32(Scalar("SELECT count(*) FROM articles;"), CultureInfo.InvariantCulture);

    /// <summary>Every stored article's summary, in the order they were stored.</summary>
    public IReadOnlyList<ArticleRow> ListArticles()
    {
        using var cmd = Command(
            "SELECT id, origin, title, outlet, date, date_source, length(text), record FROM articles ORDER BY seq;");
        using var r = cmd.ExecuteReader();
        var rows = new List<ArticleRow>();
        while (r.Read())
        {
            var removed = Deserialize(r.GetString(7)).Removed.Count();
            rows.Add(new ArticleRow(r.GetString(0), r.GetString(1), NullableString(r, 2), NullableString(r, 3), NullableString(r, 4), NullableString(r, 5), r.GetInt32(6), removed));
        }

        return rows;
    }

    /// <summary>Every stored article's listing fields, in the order they were stored, without parsing records.</summary>
    public IReadOnlyList<ArticleBrief> ListArticleBriefs()
    {
        using var cmd = Command("SELECT id, origin, title, outlet, date FROM articles ORDER BY seq;");
        using var r = cmd.ExecuteReader();
        var rows = new List<ArticleBrief>();
        while (r.Read())
        {
            rows.Add(new ArticleBrief(r.GetString(0), r.GetString(1), NullableString(r, 2), NullableString(r, 3), NullableString(r, 4)));
        }

        return rows;
    }

    /// <summary>The stored articles with these exact ids, in the order given; unknown ids are left out.</summary>
    public IReadOnlyList<Article> GetArticles(IReadOnlyList<string> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var found = new List<Article>(ids.Count);
        using var cmd = Command("SELECT record FROM articles WHERE id = $id;");
        var p = cmd.Parameters.Add("$id", SqliteType.Text);
        foreach (var id in ids)
        {
            p.Value = id;
            if (cmd.ExecuteScalar() is string json)
            {
                found.Add(Deserialize(json));
            }
        }

        return found;
    }

    /// <summary>Ids of every article whose title or clean text holds all the user's words (matched as terms, as <see cref="Search"/> does).</summary>
    public IReadOnlyList<string> MatchingArticleIds(string query)
    {
        var match = FtsQuery(query);
        if (match.Length == 0)
        {
            return [];
        }

        using var cmd = Command("SELECT a.id FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid WHERE articles_fts MATCH $q ORDER BY a.seq;");
        cmd.Parameters.AddWithValue("$q", match);
        using var r = cmd.ExecuteReader();
        var ids = new List<string>();
        while (r.Read())
        {
            ids.Add(r.GetString(0));
        }

        return ids;
    }

    /// <summary>
    /// SQLite's data version for this connection: it changes whenever another connection (or process) commits, so a
    /// long-lived reader can tell cheaply that its cached view of the store is stale.
    /// </summary>
    public long DataVersion => Convert.ToInt64(Scalar("PRAGMA data_version;"), CultureInfo.InvariantCulture);

    /// <summary>Every stored article, in the order they were stored.</summary>
    public IEnumerable<Article> Articles()
    {
        using var cmd = Command("SELECT record FROM articles ORDER BY seq;");
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            yield return Deserialize(r.GetString(0));
        }
    }

    /// <summary>
    /// Every article in the order stored, as chunks of stored records not yet decoded (see <see cref="Decode"/>), so
    /// that a caller can decode and work on one chunk on other threads while it reads the next.
    /// </summary>
    public IEnumerable<string[]> ArticleRecords(int chunkSize)
    {
        using var cmd = Command("SELECT record FROM articles ORDER BY seq;");
        using var r = cmd.ExecuteReader();
        var chunk = new List<string>(chunkSize);
        while (r.Read())
        {
            chunk.Add(r.GetString(0));
            if (chunk.Count == chunkSize)
            {
                yield return [.. chunk];
                chunk.Clear();
            }
        }

        if (chunk.Count > 0)
        {
            yield return [.. chunk];
        }
    }

    /// <summary>An article from its stored record (<see cref="ArticleRecords"/>). Thread-safe.</summary>
    public static Article Decode(string record) => Deserialize(record);

    /// <summary>The article with this id, or with this unique id prefix (at least 4 hex digits); null when none or ambiguous.</summary>
    public Article? GetArticle(string idOrPrefix)
    {
        ArgumentNullException.ThrowIfNull(idOrPrefix);
        if (idOrPrefix.Length < 4 || !idOrPrefix.All(Uri.IsHexDigit))
        {
            return null;
        }

        using var cmd = Command("SELECT record FROM articles WHERE id >= $lo AND id < $hi ORDER BY id LIMIT 2;");
        var lo = idOrPrefix.ToLowerInvariant();
        cmd.Parameters.AddWithValue("$lo", lo);
        cmd.Parameters.AddWithValue("$hi", lo + "~");
        using var r = cmd.ExecuteReader();
        var found = new List<string>();
        while (r.Read())
        {
            found.Add(r.GetString(0));
        }

        return found.Count == 1 ? Deserialize(found[0]) : null;
    }

    /// <summary>Full-text search over titles and clean text. The query is the user's words: each is matched as a term, never parsed as SQL or FTS syntax.</summary>
    public IReadOnlyList<SearchHit> Search(string query, int limit = 20)
    {
        var match = FtsQuery(query);
        if (match.Length == 0)
        {
            return [];
        }

        using var cmd = Command(
            """
            SELECT a.id, a.title, snippet(articles_fts, 1, '[', ']', ' … ', 12), bm25(articles_fts) AS rank
            FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid
            WHERE articles_fts MATCH $q ORDER BY rank, a.seq LIMIT $limit;
            """);
        cmd.Parameters.AddWithValue("$q", match);
        cmd.Parameters.AddWithValue("$limit", limit);
        using var r = cmd.ExecuteReader();
        var hits = new List<SearchHit>();
        while (r.Read())
        {
            hits.Add(new SearchHit(r.GetString(0), NullableString(r, 1), r.GetString(2), r.GetDouble(3)));
        }

        return hits;
    }

    /// <summary>The user's words as an FTS5 query: each word a quoted term, all required.</summary>
    internal static string FtsQuery(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var terms = query.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(t => new string(t.Where(c => char.IsLetterOrDigit(c) || c is '\'' or '-' or '_').ToArray()))
            .Where(t => t.Length > 0)
            .Select(t => "\"" + t.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"");
        return string.Join(" AND ", terms);
    }

    /// <summary>Line-repetition counts learned from every stored page, so the boilerplate signal grows across runs.</summary>
    public LineStatistics LoadLineStatistics()
    {
        var stats = new LineStatistics();
        using (var cmd = Command("SELECT site, line, pages FROM line_counts;"))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                stats.Merge(r.GetString(0), unchecked((ulong)r.GetInt64(1)), r.GetInt32(2));
            }
        }

        using (var cmd = Command("SELECT site, pages FROM site_pages;"))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                stats.MergeSitePages(r.GetString(0), r.GetInt32(1));
            }
        }

        return stats;
    }

    /// <summary>Adds the counts of newly stored pages to the stored line statistics, in one transaction.</summary>
    public void AddLineStatistics(LineStatistics added)
    {
        ArgumentNullException.ThrowIfNull(added);
        using var tx = _connection.BeginTransaction();
        using (var cmd = Command("INSERT INTO line_counts(site, line, pages) VALUES ($s, $l, $n) ON CONFLICT(site, line) DO UPDATE SET pages = pages + $n;", tx))
        {
            var s = cmd.Parameters.Add("$s", SqliteType.Text);
            var l = cmd.Parameters.Add("$l", SqliteType.Integer);
            var n = cmd.Parameters.Add("$n", SqliteType.Integer);
            foreach (var (site, line, pages) in added.SiteCounts())
            {
                s.Value = site;
                l.Value = unchecked((long)line);
                n.Value = pages;
                cmd.ExecuteNonQuery();
            }
        }

        using (var cmd = Command("INSERT INTO site_pages(site, pages) VALUES ($s, $n) ON CONFLICT(site) DO UPDATE SET pages = pages + $n;", tx))
        {
            var s = cmd.Parameters.Add("$s", SqliteType.Text);
            var n = cmd.Parameters.Add("$n", SqliteType.Integer);
            foreach (var (site, pages) in added.SitePages())
            {
                s.Value = site;
                n.Value = pages;
                cmd.ExecuteNonQuery();
            }
        }

        tx.Commit();
    }

    /// <summary>Replaces the stored stories, links and exclusions (pages that are not articles, with why) with these, in one transaction.</summary>
    public void ReplaceStories(IReadOnlyList<Story> stories, IReadOnlyList<ArticleLink> links, IReadOnlyList<(string Id, string Reason)>? excluded = null)
    {
        ArgumentNullException.ThrowIfNull(stories);
        ArgumentNullException.ThrowIfNull(links);
        using var rewrite = BeginStoryRewrite();
        rewrite.AddLinks(links);
        rewrite.Finish(stories, excluded ?? []);
    }

    /// <summary>
    /// Starts replacing the stored stories, links and exclusions in one transaction, so that links can be written
    /// as they are found instead of held until the end (a million articles find tens of millions). The store stays
    /// readable through this instance meanwhile; nothing changes for other readers until <see cref="StoryRewrite.Finish"/>.
    /// </summary>
    public StoryRewrite BeginStoryRewrite()
    {
        if (_rewrite is not null)
        {
            throw new InvalidOperationException("A story rewrite is already in progress on this store.");
        }

        _rewrite = _connection.BeginTransaction();
        return new StoryRewrite(this, _rewrite);
    }

    /// <summary>A replacement of the stories in progress: links first, then stories and exclusions, then commit; disposed unfinished, it changes nothing.</summary>
    public sealed class StoryRewrite : IDisposable
    {
        private readonly SqliteStore _store;
        private readonly SqliteTransaction _tx;
        private readonly SqliteCommand _link;
        private bool _done;

        internal StoryRewrite(SqliteStore store, SqliteTransaction tx)
        {
            (_store, _tx) = (store, tx);
            foreach (var table in new[] { "story_articles", "stories", "links", "excluded" })
            {
                store.Execute($"DELETE FROM {table};", tx);
            }

            // Each statement is prepared once with its parameters; only their values change from row to row.
            _link = store.Command("INSERT OR REPLACE INTO links(a, b, kind, record) VALUES ($a, $b, $k, $r);", tx, "$a", "$b", "$k", "$r");
        }

        public void AddLinks(IEnumerable<ArticleLink> links)
        {
            ArgumentNullException.ThrowIfNull(links);
            foreach (var link in links)
            {
                Run(_link, link.A, link.B, link.Kind.ToString(), JsonSerializer.Serialize(link, StorylineJson.Compact));
            }
        }

        /// <summary>Writes the stories and exclusions and commits the whole rewrite.</summary>
        public void Finish(IReadOnlyList<Story> stories, IReadOnlyList<(string Id, string Reason)> excluded)
        {
            ArgumentNullException.ThrowIfNull(stories);
            ArgumentNullException.ThrowIfNull(excluded);
            using (var cmd = _store.Command("INSERT INTO excluded(article_id, reason) VALUES ($a, $r);", _tx, "$a", "$r"))
            {
                foreach (var (id, reason) in excluded)
                {
                    Run(cmd, id, reason);
                }
            }

            using (var cmd = _store.Command("INSERT INTO stories(id, label, position) VALUES ($id, $label, $pos);", _tx, "$id", "$label", "$pos"))
            using (var member = _store.Command("INSERT INTO story_articles(story_id, article_id, position) VALUES ($s, $a, $p);", _tx, "$s", "$a", "$p"))
            {
                for (var i = 0; i < stories.Count; i++)
                {
                    var story = stories[i];
                    Run(cmd, story.Id, story.Label, i);
                    for (var j = 0; j < story.ArticleIds.Length; j++)
                    {
                        Run(member, story.Id, story.ArticleIds[j], j);
                    }
                }
            }

            _tx.Commit();
            _done = true;
        }

        public void Dispose()
        {
            _link.Dispose();
            if (!_done)
            {
                _tx.Rollback();
            }

            _tx.Dispose();
            _store._rewrite = null;
        }
    }

    /// <summary>The stored stories, in order.</summary>
    public IReadOnlyList<Story> Stories()
    {
        var members = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        using (var cmd = Command("SELECT story_id, article_id FROM story_articles ORDER BY story_id, position;"))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                if (!members.TryGetValue(r.GetString(0), out var list))
                {
                    members[r.GetString(0)] = list = [];
                }

                list.Add(r.GetString(1));
            }
        }

        var stories = new List<Story>();
        using (var cmd = Command("SELECT id, label FROM stories ORDER BY position;"))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                var id = r.GetString(0);
                stories.Add(new Story(id, r.GetString(1), members.TryGetValue(id, out var m) ? [.. m] : ImmutableArray<string>.Empty));
            }
        }

        return stories;
    }

    /// <summary>The stored pages that are not articles (kept out of stories), with the reason, in store order.</summary>
    public IReadOnlyList<(string Id, string Reason)> Excluded()
    {
        using var cmd = Command("SELECT e.article_id, e.reason FROM excluded e JOIN articles a ON a.id = e.article_id ORDER BY a.seq;");
        using var r = cmd.ExecuteReader();
        var list = new List<(string, string)>();
        while (r.Read())
        {
            list.Add((r.GetString(0), r.GetString(1)));
        }

        return list;
    }

    /// <summary>The stored links between articles.</summary>
    public IReadOnlyList<ArticleLink> Links()
    {
        using var cmd = Command("SELECT record FROM links ORDER BY a, b, kind;");
        using var r = cmd.ExecuteReader();
        var links = new List<ArticleLink>();
        while (r.Read())
        {
            links.Add(JsonSerializer.Deserialize<ArticleLink>(r.GetString(0), StorylineJson.Compact)!);
        }

        return links;
    }

    /// <summary>
    /// The links between articles of this set (both ends in it), in the order of <see cref="Links"/>; read through
    /// the links' key, so a story's view does not load the links of the whole store.
    /// </summary>
    public IReadOnlyList<ArticleLink> LinksAmong(IReadOnlyCollection<string> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var members = ids.ToHashSet(StringComparer.Ordinal);
        using var cmd = Command("SELECT b, record FROM links WHERE a = $a ORDER BY b, kind;", null, "$a");
        var links = new List<ArticleLink>();
        foreach (var a in members.Order(StringComparer.Ordinal))
        {
            cmd.Parameters[0].Value = a;
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                if (members.Contains(r.GetString(0)))
                {
                    links.Add(JsonSerializer.Deserialize<ArticleLink>(r.GetString(1), StorylineJson.Compact)!);
                }
            }
        }

        return links;
    }

    /// <summary>Runs SQLite's own consistency check; "ok" when the file is sound.</summary>
    public string IntegrityCheck() => Convert.ToString(Scalar("PRAGMA integrity_check;"), CultureInfo.InvariantCulture) ?? "";

    private static Article Deserialize(string json) =>
        JsonSerializer.Deserialize<Article>(json, StorylineJson.Compact) ?? throw new InvalidDataException("stored article record is empty");

    private static string? NullableString(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private SqliteCommand Command(string sql, SqliteTransaction? tx = null)
    {
        var cmd = _connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.Transaction = tx ?? _rewrite;
        return cmd;
    }

    /// <summary>A command with its named parameters created once, for <see cref="Run"/> to execute row after row.</summary>
    private SqliteCommand Command(string sql, SqliteTransaction? tx, params string[] parameters)
    {
        var cmd = Command(sql, tx);
        foreach (var name in parameters)
        {
            cmd.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        return cmd;
    }

    /// <summary>Executes a command of <see cref="Command(string, SqliteTransaction?, string[])"/> with the row's values, in parameter order.</summary>
    private static void Run(SqliteCommand cmd, params object[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            cmd.Parameters[i].Value = values[i];
        }

        cmd.ExecuteNonQuery();
    }

    private void Execute(string sql, SqliteTransaction? tx = null)
    {
        using var cmd = Command(sql, tx);
        cmd.ExecuteNonQuery();
    }

    private object? Scalar(string sql)
    {
        using var cmd = Command(sql);
        return cmd.ExecuteScalar();
    }

    public void Dispose() => _connection.Dispose();
}
