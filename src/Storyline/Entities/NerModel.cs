using System.IO.Compression;

namespace Storyline.Entities;

/// <summary>
/// The weights of the tagger: for each hashed feature a row of one weight per label, plus label-to-label
/// transition weights. Immutable once built; safe to share across threads.
/// Stored as gzip: "SLNER", version, label count, options, transitions, then features sorted by hash, each
/// with its weights quantised to 16 bits against one scale.
/// </summary>
internal sealed class NerModel
{
    private const string Magic = "SLNER";
    private const int Version = 1;

    private readonly Dictionary<ulong, int> _rows;

    public NerModel(Dictionary<ulong, int> rows, float[] weights, float[] transitions, float[] start, bool usesGazetteer)
    {
        _rows = rows;
        Weights = weights;
        Transitions = transitions;
        Start = start;
        UsesGazetteer = usesGazetteer;
    }

    /// <summary>Row-major: <c>Weights[row * NerLabels.Count + label]</c>.</summary>
    public float[] Weights { get; }

    /// <summary><c>Transitions[previous * NerLabels.Count + label]</c>.</summary>
    public float[] Transitions { get; }

    /// <summary>Weight of each label opening a sentence.</summary>
    public float[] Start { get; }

    public bool UsesGazetteer { get; }

    public int FeatureCount => _rows.Count;

    /// <summary>Feature hash to row.</summary>
    public IReadOnlyDictionary<ulong, int> Rows => _rows;

    public bool TryRow(ulong feature, out int row) => _rows.TryGetValue(feature, out row);

    public void Save(Stream output)
    {
        using var gz = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true);
        using var w = new BinaryWriter(gz);
        w.Write(Magic);
        w.Write(Version);
        w.Write(NerLabels.Count);
        w.Write(UsesGazetteer);
        foreach (var t in Transitions)
        {
            w.Write(t);
        }

        foreach (var s in Start)
        {
            w.Write(s);
        }

        var max = 1e-9f;
        foreach (var x in Weights)
        {
            max = Math.Max(max, Math.Abs(x));
        }

        var scale = max / short.MaxValue;
        var keys = _rows.OrderBy(kv => kv.Key).ToList();
        w.Write(scale);
        w.Write(keys.Count);
        ulong previous = 0;
        foreach (var (key, row) in keys)
        {
            // Sorted keys are written as deltas so the file compresses; rows as 16-bit steps of the scale.
            w.Write7BitEncodedInt64((long)(key - previous));
            previous = key;
            for (var y = 0; y < NerLabels.Count; y++)
            {
                w.Write((short)Math.Round(Weights[row * NerLabels.Count + y] / scale));
            }
        }
    }

    public static NerModel Load(Stream input, string name)
    {
        try
        {
            using var gz = new GZipStream(input, CompressionMode.Decompress, leaveOpen: true);
            using var r = new BinaryReader(new BufferedStream(gz, 1 << 16));
            if (r.ReadString() != Magic || r.ReadInt32() != Version || r.ReadInt32() != NerLabels.Count)
            {
                throw new InvalidDataException($"{name}: not a Storyline NER model of version {Version}");
            }

            var usesGazetteer = r.ReadBoolean();
            var transitions = new float[NerLabels.Count * NerLabels.Count];
            for (var i = 0; i < transitions.Length; i++)
            {
                transitions[i] = r.ReadSingle();
            }

            var start = new float[NerLabels.Count];
            for (var i = 0; i < start.Length; i++)
            {
                start[i] = r.ReadSingle();
            }

            var scale = r.ReadSingle();
            var count = r.ReadInt32();
            var rows = new Dictionary<ulong, int>(count);
            var weights = new float[count * NerLabels.Count];
            ulong key = 0;
            for (var row = 0; row < count; row++)
            {
                key += (ulong)r.Read7BitEncodedInt64();
                rows[key] = row;
                for (var y = 0; y < NerLabels.Count; y++)
                {
                    weights[row * NerLabels.Count + y] = r.ReadInt16() * scale;
                }
            }

            return new NerModel(rows, weights, transitions, start, usesGazetteer);
        }
        catch (Exception e) when (e is EndOfStreamException or InvalidDataException or FormatException)
        {
            throw new InvalidDataException($"{name}: not a readable NER model ({e.Message})", e);
        }
    }
}
