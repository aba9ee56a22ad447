namespace Storyline.Eval;

/// <summary>
/// Which part of a set to score. Each evaluator splits its set by a hash of the true cluster id, fixed before any
/// tuning (stories: even and odd; summaries: one cluster in five held out).
/// </summary>
public enum EvalPart
{
    All,

    /// <summary>The part tuned on.</summary>
    Dev,

    /// <summary>The part kept aside, never looked at while tuning.</summary>
    HeldOut,
}
