namespace Storyline.Entities;

/// <summary>
/// The weights of the tagger: for each hashed feature a row of one weight per label, plus label-to-label
/// transition weights. Immutable once built; safe to share across threads.
/// Written as options, transitions, then features sorted by hash, each with its weights quantised to 16 bits
/// against one scale (<see cref="NerTagger.Save"/> frames one or two models in a gzip file).
/// </summary>
internal sealed class NerModel
{
    private readonly Dictionary<ulong, int> _rows;

    // Open addressing over the same keys: the tagger's hot path does one probe per feature.
    private readonly Slot[] _slots;
    private readonly int _mask;

    public NerModel(Dictionary<ulong, int> rows, float[] weights, float[] transitions, float[] start, bool usesGazetteer, bool usesCasing)
    {
        _rows = rows;
        var capacity = 16;
        while (capacity < rows.Count * 2)
        {
            capacity <<= 1;
        }

        _slots = new Slot[capacity];
        _mask = capacity - 1;
        foreach (var (key, row) in rows.OrderBy(kv => kv.Value))
        {
            var k = key == 0 ? 1 : key;
            var slot = (int)(k & (ulong)_mask);
            while (_slots[slot].Key != 0)
            {
                slot = (slot + 1) & _mask;
            }

            _slots[slot] = new Slot(k, row);
        }
        Weights = weights;
        Transitions = transitions;
        Start = start;
        UsesGazetteer = usesGazetteer;
        UsesCasing = usesCasing;
    }

    /// <summary>Row-major: <c>Weights[row * NerLabels.Count + label]</c>.</summary>
    public float[] Weights { get; }

    /// <summary><c>Transitions[previous * NerLabels.Count + label]</c>.</summary>
    public float[] Transitions { get; }

    /// <summary>Weight of each label opening a sentence.</summary>
    public float[] Start { get; }

    public bool UsesGazetteer { get; }

    public bool UsesCasing { get; }

    public int FeatureCount => _rows.Count;

    /// <summary>Feature hash to row.</summary>
    public IReadOnlyDictionary<ulong, int> Rows => _rows;

    /// <summary>The feature's row, or -1 when the model does not weigh it.</summary>
    public int Row(ulong feature)
    {
        var k = feature == 0 ? 1 : feature;
        var slot = (int)(k & (ulong)_mask);
        while (true)
        {
            ref readonly var stored = ref _slots[slot];
            if (stored.Key == k)
            {
                return stored.Row;
            }

            if (stored.Key == 0)
            {
                return -1;
            }

            slot = (slot + 1) & _mask;
        }
    }

    // Key and row side by side: one cache line per probe.
    private readonly record struct Slot(ulong Key, int Row);

    public void Write(BinaryWriter w)
    {
        w.Write(UsesGazetteer);
        w.Write(UsesCasing);
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

    public static NerModel Read(BinaryReader r)
    {
        var usesGazetteer = r.ReadBoolean();
        var usesCasing = r.ReadBoolean();
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
        if (count < 0 || count > 50_000_000)
        {
            throw new InvalidDataException($"implausible feature count {count}");
        }

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

        return new NerModel(rows, weights, transitions, start, usesGazetteer, usesCasing);
    }
}
