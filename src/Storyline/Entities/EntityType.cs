namespace Storyline.Entities;

/// <summary>The CoNLL-2003 entity types.</summary>
public enum EntityType : byte
{
    Person,
    Organization,
    Location,
    Misc,
}

/// <summary>BIO labels over <see cref="EntityType"/>: 0 is O, then B and I for each type in enum order.</summary>
internal static class NerLabels
{
    public const int Count = 9;

    public const int Outside = 0;

    private static readonly string[] Names = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC"];

    public static int Begin(EntityType type) => 1 + 2 * (int)type;

    public static int Inside(EntityType type) => 2 + 2 * (int)type;

    public static bool IsBegin(int label) => label > 0 && label % 2 == 1;

    public static bool IsInside(int label) => label > 0 && label % 2 == 0;

    public static EntityType TypeOf(int label) => (EntityType)((label - 1) / 2);

    public static string Name(int label) => Names[label];

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

    /// <summary>May <paramref name="label"/> follow <paramref name="previous"/> in BIO? (I-X only inside an X.)</summary>
    public static bool Allowed(int previous, int label) =>
        !IsInside(label) || (previous != Outside && TypeOf(previous) == TypeOf(label));

    /// <summary>Converts one sentence of IOB1 or BIO tags ("I-PER", "B-LOC", "O") to BIO label ids.</summary>
    public static int[] FromTags(IReadOnlyList<string> tags)
    {
        var labels = new int[tags.Count];
        var previous = Outside;
        for (var i = 0; i < tags.Count; i++)
        {
            var tag = tags[i];
            var label = Outside;
            if (tag.Length > 2 && tag[1] == '-' && TryParseCode(tag.AsSpan(2), out var type))
            {
                var continues = tag[0] == 'I' && previous != Outside && TypeOf(previous) == type;
                label = continues ? Inside(type) : Begin(type);
            }

            labels[i] = label;
            previous = label;
        }

        return labels;
    }
}
