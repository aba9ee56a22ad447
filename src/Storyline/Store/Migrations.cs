namespace Storyline.Store;

/// <summary>
/// The schema, one step per version: <c>Steps[v]</c> moves a store from version v to v + 1. A step is never
/// edited once released; a change is a new step, so every old store can be brought forward.
/// </summary>
internal static class Migrations
{
    public static readonly string[][] Steps =
    [
        // 0 → 1: articles with an FTS5 index, line statistics for the boilerplate signal, stories, links, and the pages kept out of stories.
        [
            """
            CREATE TABLE articles(
                seq INTEGER PRIMARY KEY,
                id TEXT NOT NULL UNIQUE,
                origin TEXT NOT NULL,
                url TEXT,
                title TEXT,
                outlet TEXT,
                date TEXT,
                date_source TEXT,
                text TEXT NOT NULL,
                record TEXT NOT NULL);
            """,
            "CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='seq', tokenize='unicode61 remove_diacritics 2');",
            "CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, new.title, new.text); END;",
            "CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text); END;",
            "CREATE TABLE line_counts(site TEXT NOT NULL, line INTEGER NOT NULL, pages INTEGER NOT NULL, PRIMARY KEY(site, line)) WITHOUT ROWID;",
            "CREATE TABLE site_pages(site TEXT PRIMARY KEY, pages INTEGER NOT NULL) WITHOUT ROWID;",
            "CREATE TABLE stories(id TEXT PRIMARY KEY, label TEXT NOT NULL, position INTEGER NOT NULL);",
            "CREATE TABLE story_articles(story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE, article_id TEXT NOT NULL REFERENCES articles(id), position INTEGER NOT NULL, PRIMARY KEY(story_id, article_id)) WITHOUT ROWID;",
            "CREATE INDEX story_articles_article ON story_articles(article_id);",
            "CREATE TABLE excluded(article_id TEXT PRIMARY KEY REFERENCES articles(id), reason TEXT NOT NULL) WITHOUT ROWID;",
            "CREATE TABLE links(a TEXT NOT NULL, b TEXT NOT NULL, kind TEXT NOT NULL, record TEXT NOT NULL, PRIMARY KEY(a, b, kind)) WITHOUT ROWID;",
        ],
    ];
}
