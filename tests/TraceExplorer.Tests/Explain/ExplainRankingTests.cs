using TraceExplorer.Storage.Analytics.Explain;

namespace TraceExplorer.Tests.Explain;

public sealed class ExplainRankingTests
{
    // Dimensions in the order of ExplainDimensions.Run: prompt, policy, tool contract, route config, route, model, agent.
    private static ExplainCombination Runs(bool symptom, string policy, string tools, long runs) =>
        new(symptom, ["p1", policy, tools, "r1", "primary", "gpt-4o", "support-agent"], runs);

    /// <summary>
    /// The bad policy came after the benign tool contract: every run of the new policy also has the new contract, so
    /// the contract looks more common among the bad runs until the policy is taken out.
    /// </summary>
    private static readonly IReadOnlyList<ExplainCombination> Confounded =
    [
        Runs(symptom: true, "policy-new", "tools-new", 400),
        Runs(symptom: true, "policy-old", "tools-new", 5),
        Runs(symptom: true, "policy-old", "tools-old", 5),
        Runs(symptom: false, "policy-new", "tools-new", 400),
        Runs(symptom: false, "policy-old", "tools-new", 500),
        Runs(symptom: false, "policy-old", "tools-old", 500),
    ];

    private static (IReadOnlyList<ExplainValue> Ranked, long Symptom, long Baseline) Rank(IReadOnlyList<ExplainCombination> combinations)
    {
        var singles = ExplainRanking.Singles(combinations);
        var (symptom, baseline) = (combinations.Where(c => c.Symptom).Sum(c => c.Runs), combinations.Where(c => !c.Symptom).Sum(c => c.Runs));
        return (ExplainRanking.Rank(singles, singles, symptom, baseline), symptom, baseline);
    }

    [Fact]
    public void Values_are_counted_shared_and_ranked_by_what_they_explain()
    {
        var (ranked, _, _) = Rank(Confounded);

        var policy = ranked[0];
        Assert.Equal(new ExplainKey(ExplainDimension.PolicyVersion, "policy-new"), policy.Key);
        Assert.Equal(400, policy.SymptomRuns);
        Assert.Equal(400, policy.BaselineRuns);
        Assert.Equal(400.0 / 410, policy.SymptomShare, precision: 9);
        Assert.Equal(400.0 / 1400, policy.BaselineShare, precision: 9);
        Assert.Equal((400.0 / 410) - (400.0 / 1400), policy.Explains, precision: 9);
        Assert.True(policy.Significant);
    }

    [Fact]
    public void Values_in_every_run_of_both_sides_are_not_tested()
    {
        var (ranked, _, _) = Rank(Confounded);

        Assert.DoesNotContain(ranked, v => v.Dimension is ExplainDimension.Agent or ExplainDimension.Route or ExplainDimension.Model);
    }

    [Fact]
    public void A_benign_change_that_came_before_the_cause_is_explained_by_it()
    {
        var (ranked, symptom, baseline) = Rank(Confounded);
        var tools = ranked.Single(v => v.Value == "tools-new");
        Assert.True(tools.Significant);

        var explained = ExplainRanking.ExplainAway(ranked, (a, b) => ExplainRanking.Both(Confounded, a, b), symptom, baseline);

        Assert.True(explained.Single(v => v.Value == "policy-new").IsCause);
        var benign = explained.Single(v => v.Value == "tools-new");
        Assert.False(benign.IsCause);
        Assert.Equal("policy_version=policy-new", benign.ExplainedBy);
    }

    [Fact]
    public void A_route_that_fails_only_under_one_policy_is_reported_as_a_pair()
    {
        IReadOnlyList<ExplainCombination> combinations =
        [
            new(true, ["p1", "policy-new", "t1", "r1", "fallback", "m", "a"], 90),
            new(true, ["p1", "policy-new", "t1", "r1", "primary", "m", "a"], 5),
            new(true, ["p1", "policy-old", "t1", "r1", "fallback", "m", "a"], 5),
            new(false, ["p1", "policy-new", "t1", "r1", "fallback", "m", "a"], 10),
            new(false, ["p1", "policy-new", "t1", "r1", "primary", "m", "a"], 400),
            new(false, ["p1", "policy-old", "t1", "r1", "fallback", "m", "a"], 400),
            new(false, ["p1", "policy-old", "t1", "r1", "primary", "m", "a"], 400),
        ];
        var (ranked, symptom, baseline) = Rank(combinations);

        var pairs = ExplainRanking.Pairs(ranked, (a, b) => ExplainRanking.Both(combinations, a, b), symptom, baseline);

        var pair = Assert.Single(pairs);
        Assert.Equal(90, pair.SymptomRuns);
        Assert.Equal(10, pair.BaselineRuns);
        Assert.Equal(new[] { "fallback", "policy-new" }, new[] { pair.First.Value, pair.Second.Value }.Order());
    }
}
