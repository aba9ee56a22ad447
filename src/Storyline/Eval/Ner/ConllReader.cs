namespace Storyline.Eval.Ner;

/// <summary>One sentence of a CoNLL file: tokens and their gold tags (as written: IOB1 or BIO).</summary>
public sealed record ConllSentence(IReadOnlyList<string> Words, IReadOnlyList<string> Tags);

/// <summary>One document of a CoNLL file (the sentences between two <c>-DOCSTART-</c> lines).</summary>
public sealed record ConllDocument(IReadOnlyList<ConllSentence> Sentences);

/// <summary>A CoNLL file that cannot be read; the message names the file and line.</summary>
public sealed class ConllFormatException(string message) : Exception(message);

/// <summary>
/// Reads CoNLL NER files: one token a line, columns separated by spaces or tabs, the token first and the NER
/// tag last (CoNLL-2003's 4 columns, wikigold's 2), a blank line between sentences. A <c>-DOCSTART-</c> line is
/// a document boundary whether it opens documents (CoNLL-2003) or closes them (wikigold).
/// </summary>
public static class ConllReader
{
    public static IReadOnlyList<ConllDocument> ReadFile(string path)
    {
        using var reader = new StreamReader(path, System.Text.Encoding.UTF8);
        return Read(reader, path);
    }

    public static IReadOnlyList<ConllDocument> Read(TextReader reader, string name)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var documents = new List<ConllDocument>();
        var sentences = new List<ConllSentence>();
        var words = new List<string>();
        var tags = new List<string>();
        var lineNumber = 0;

        void EndSentence()
        {
            if (words.Count > 0)
            {
                sentences.Add(new ConllSentence([.. words], [.. tags]));
                words.Clear();
                tags.Clear();
            }
        }

        void EndDocument()
        {
            EndSentence();
            if (sentences.Count > 0)
            {
                documents.Add(new ConllDocument([.. sentences]));
                sentences.Clear();
            }
        }

        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            var trimmed = line.Trim();
            if (trimmed.Length == 0)
            {
                EndSentence();
                continue;
            }

            var columns = trimmed.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (columns[0] == "-DOCSTART-")
            {
                EndDocument();
                continue;
            }

            if (columns.Length < 2)
            {
                throw new ConllFormatException($"{name}:{lineNumber}: expected 'token ... tag', found one column");
            }

            var tag = columns[^1];
            if (tag != "O" && !(tag.Length > 2 && tag[0] is 'B' or 'I' or 'E' or 'S' && tag[1] == '-'))
            {
                throw new ConllFormatException($"{name}:{lineNumber}: '{tag}' is not an IOB tag (O, B-X, I-X)");
            }

            words.Add(columns[0]);
            tags.Add(tag);
        }

        EndDocument();
        return documents;
    }
}
