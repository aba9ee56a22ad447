using Storyline.Eval;
using Storyline.Eval.Stories;
using Storyline.Stories;

namespace Storyline.Tests.Eval.Stories;

public class StoriesThreadsTests
{
    [SharedFact]
    public void The_settle_pass_gives_the_same_stories_on_one_thread_as_on_several()
    {
        // The settle pass scores every article against the settled stories on all cores; the moves it decides must
        // not depend on how the work was split.
        var records = EvalData.Read(Path.Combine(SharedData.Data, "stories", "multinews-val-clean"), "cluster", labelRequired: true);
        var one = StoriesEvaluator.Run(records, EvalPart.Dev, new StoryOptions { Parallelism = 1 });
        var four = StoriesEvaluator.Run(records, EvalPart.Dev, new StoryOptions { Parallelism = 4 });
        Assert.Equal(one.Predictions, four.Predictions);
        Assert.True(one.Scores.BcubedF1 > 0.9, $"BCubed F1 {one.Scores.BcubedF1}");
    }
}
