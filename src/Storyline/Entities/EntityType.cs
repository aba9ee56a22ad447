namespace Storyline.Entities;

/// <summary>The CoNLL-2003 entity types.</summary>
public enum EntityType : byte
{
    Person,
    Organization,
    Location,
    Misc,
}

/// <summary>
/// BILOU labels over <see cref="EntityType"/>: 0 is O, then for each type in enum order B (begins a mention of
/// several tokens), I (inside one), L (last token of one) and U (a one-token mention). Telling the ends of a
/// mention apart from its inside and single-token names from the first word of longer ones gives the
/// perceptron separate weights for each (Ratinov and Roth 2009 measured BILOU above BIO on CoNLL-2003).
/// </summary>
internal static class NerLabels
{
    public const int Count = 17;

    public const int Outside = 0;

    private const int B = 0, I = 1, Last = 2, U = 3;

    private static readonly string[] Names = ["O", "B-PER", "I-PER", "L-PER", "U-PER", "B-ORG", "I-ORG", "L-ORG", "U-ORG", "B-LOC", "I-LOC", "L-LOC", "U-LOC", "B-MISC", "I-MISC", "L-MISC", "U-MISC"];

    private static int Part(int label) => (label - 1) % 4;

    private static int Of(EntityType type, int part) => 1 + 4 * (int)type + part;

    public static EntityType TypeOf(int label) => (EntityType)((label - 1) / 4);

    /// <summary>Does the label open a mention (B or U)?</summary>
    public static bool Opens(int label) => label > 0 && Part(label) is B or U;

    /// <summary>Does the label continue the mention of the previous token (I or L)?</summary>
    public static bool Continues(int label) => label > 0 && Part(label) is I or Last;

    /// <summary>Does a mention go on after this label (B or I)?</summary>
    public static bool Open(int label) => label > 0 && Part(label) is B or I;

    public static string Name(int label) => Names[label];

    /// <summary>The BIO tag of a label (U as B, L as I), as CoNLL scorers read it.</summary>
    public static string BioName(int label) => label == Outside ? "O" : (Continues(label) ? "I-" : "B-") + Code(TypeOf(label));

    /// <summary>The CoNLL code of a type: PER, ORG, LOC, MISC.</summary>
    public static string Code(EntityType type) => type switch
    {
        EntityType.Person => "PER",
        EntityType.Organization => "ORG",
        EntityType.Location => "LOC",
        _ => "MISC",
    };

    public static bool TryParseCode(ReadOnlySpan<char> code, out EntityType type)
    {
        switch (code)
        {
            case "PER": type = EntityType.Person; return true;
            case "ORG": type = EntityType.Organization; return true;
            case "LOC": type = EntityType.Location; return true;
            case "MISC": type = EntityType.Misc; return true;
            default: type = EntityType.Misc; return false;
        }
    }

    /// <summary>May <paramref name="label"/> follow <paramref name="previous"/>? I and L only inside a mention of their type; O, B and U only once any mention has ended.</summary>
    public static bool Allowed(int previous, int label) =>
        Continues(label) ? Open(previous) && TypeOf(previous) == TypeOf(label) : !Open(previous);

    /// <summary>For each label, the labels that may precede it (<see cref="Allowed"/>), for decoding.</summary>
    public static readonly int[][] Predecessors = [.. Enumerable.Range(0, Count).Select(y => Enumerable.Range(0, Count).Where(p => Allowed(p, y)).ToArray())];

    /// <summary>May a sentence open with the label (not I or L)?</summary>
    public static bool MayStart(int label) => !Continues(label);

    /// <summary>May a sentence end with the label (not B or I)?</summary>
    public static bool MayEnd(int label) => !Open(label);

    /// <summary>Converts one sentence of IOB1 or BIO tags ("I-PER", "B-LOC", "O") to BILOU label ids.</summary>
    public static int[] FromTags(IReadOnlyList<string> tags)
    {
        // Mentions first (type and start), then each token's place in its mention.
        var types = new int[tags.Count];
        var starts = new bool[tags.Count];
        for (var i = 0; i < tags.Count; i++)
        {
            var tag = tags[i];
            types[i] = -1;
            if (tag.Length > 2 && tag[1] == '-' && TryParseCode(tag.AsSpan(2), out var type))
            {
                types[i] = (int)type;
                starts[i] = tag[0] != 'I' || i == 0 || types[i - 1] != types[i];
            }
        }

        var labels = new int[tags.Count];
        for (var i = 0; i < tags.Count; i++)
        {
            if (types[i] < 0)
            {
                continue;
            }

            var goesOn = i + 1 < tags.Count && types[i + 1] == types[i] && !starts[i + 1];
            var part = starts[i] ? (goesOn ? B : U) : (goesOn ? I : Last);
            labels[i] = Of((EntityType)types[i], part);
        }

        return labels;
    }
}
