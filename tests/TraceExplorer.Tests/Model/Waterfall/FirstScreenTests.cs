using TraceExplorer.Core.Model;
using TraceExplorer.Core.Runs;
using TraceExplorer.Storage.Queries;
using TraceExplorer.Web.Model.Waterfall;

namespace TraceExplorer.Tests.Model.Waterfall;

/// <summary>The first screen painted from the start of the outline is exactly the first rows of the whole tree.</summary>
public sealed class FirstScreenTests
{
    private static readonly DateTime Start = new(2026, 11, 24, 9, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void On_random_trees_the_first_rows_are_the_whole_trees_first_rows(int seed)
    {
        var random = new Random(seed);
        var shown = 0;
        for (var run = 0; run < 200; run++)
        {
            var outline = RandomRun(random, random.Next(1, 120));
            foreach (var limit in new[] { 1, 5, 20, 40 })
            {
                var rows = FirstScreen.Rows(OutlineStartOf.Outline(outline, limit), Start, limit);
                AssertPrefixOfWholeTree(outline, rows);
                shown += rows.Count;
            }
        }

        Assert.True(shown > 1000, $"only {shown} rows shown over all runs");
    }

    [Fact]
    public void A_run_in_start_order_shows_a_full_first_screen()
    {
        // The shape of the 100,000-step run, smaller: branches of calls of tools, each started after the one before.
        var steps = new List<Step> { NewStep("root", null, 0, 100_000) };
        for (var b = 0; b < 3; b++)
        {
            steps.Add(NewStep($"b{b}", "root", b * 30_000, 29_000));
            for (var m = 0; m < 5; m++)
            {
                steps.Add(NewStep($"b{b}m{m}", $"b{b}", (b * 30_000) + (m * 5_000), 4_900));
                for (var l = 0; l < 20; l++)
                {
                    steps.Add(NewStep($"b{b}m{m}l{l}", $"b{b}m{m}", (b * 30_000) + (m * 5_000) + (l * 200), 150));
                }
            }
        }

        var outline = Numbered(steps);
        var rows = FirstScreen.Rows(OutlineStartOf.Outline(outline, 40), Start, 40);

        Assert.Equal(40, rows.Count);
        AssertPrefixOfWholeTree(outline, rows);
    }

    [Fact]
    public void Parallel_branches_stop_the_first_screen_where_a_later_child_could_come()
    {
        // Two branches that run side by side: by start, their children interleave, but the tree lists one branch's first.
        var steps = new List<Step> { NewStep("root", null, 0, 1_000), NewStep("a", "root", 0, 900), NewStep("b", "root", 5, 900) };
        for (var i = 0; i < 30; i++)
        {
            steps.Add(NewStep($"a{i}", "a", 10 + (i * 20), 10));
            steps.Add(NewStep($"b{i}", "b", 15 + (i * 20), 10));
        }

        var outline = Numbered(steps);
        var rows = FirstScreen.Rows(OutlineStartOf.Outline(outline, 20), Start, 20);

        // root, a and a's children read so far; b must wait, as a has children still to come.
        Assert.Equal(["root", "a"], rows.Take(2).Select(r => r.SpanId));
        Assert.DoesNotContain(rows, r => r.SpanId.StartsWith('b'));
        AssertPrefixOfWholeTree(outline, rows);
    }

    [Fact]
    public void Plumbing_and_an_agents_own_numbers_give_no_first_screen()
    {
        var outline = Numbered([NewStep("root", null, 0, 100), NewStep("node", "root", 1, 50, StepKind.Plumbing), NewStep("tool", "node", 2, 10)]);

        Assert.Empty(FirstScreen.Rows(OutlineStartOf.Outline(outline, 1), Start, 40));
        Assert.Empty(FirstScreen.Rows(OutlineStartOf.Outline(outline.Take(1).ToList(), 1, numberedByAgent: true), Start, 40));
    }

    private static void AssertPrefixOfWholeTree(IReadOnlyList<StepOutline> outline, IReadOnlyList<StepOutline> rows)
    {
        var whole = WaterfallViewModel.Create(Start, outline, []).Tree;
        var first = WaterfallViewModel.Create(Start, rows, []).Tree;
        Assert.Equal(whole.Rows.Take(first.Count).Select(r => r.SpanId), first.Rows.Select(r => r.SpanId));
        Assert.Equal(whole.Depths.Take(first.Count), first.Depths);
    }

    /// <summary>A random forest: parents anywhere before, starts that nest, overlap, tie or precede the parent's, and now and then an orphan.</summary>
    private static List<StepOutline> RandomRun(Random random, int count)
    {
        var steps = new List<Step>();
        for (var i = 0; i < count; i++)
        {
            string? parent = i == 0 || random.Next(12) == 0 ? (random.Next(3) == 0 ? "gone" : null) : steps[random.Next(steps.Count)].SpanId;
            var parentStart = parent is null || parent == "gone" ? 0 : (steps.First(s => s.SpanId == parent).StartTime - Start).TotalMilliseconds;
            var start = random.Next(4) switch { 0 => parentStart, 1 => parentStart - random.Next(5), _ => parentStart + random.Next(200) };
            steps.Add(NewStep($"s{i}", parent, start, random.Next(1, 300)));
        }

        return Numbered(steps);
    }

    private static Step NewStep(string span, string? parent, double startMs, double durationMs, StepKind kind = StepKind.Tool) => new()
    {
        TraceId = "t",
        SpanId = span,
        RunId = "r",
        ParentSpanId = parent,
        Name = span,
        Kind = kind,
        StartTime = Start.AddMilliseconds(startMs),
        DurationMs = durationMs,
    };

    /// <summary>Numbered as ingest numbers them, and in step order as the store reads them.</summary>
    private static List<StepOutline> Numbered(List<Step> steps)
    {
        var numbers = StepOrder.Numbers(new StepForest(steps));
        return steps.Select((s, i) => new StepOutline(numbers[i], s.SpanId, s.ParentSpanId, s.Kind, s.Name, s.ToolName, s.Model, s.StartTime, s.DurationMs,
                StepStatus.Ok, null, null))
            .OrderBy(s => s.StepNumber)
            .ToList();
    }
}
