using TraceExplorer.Web.Model;

namespace TraceExplorer.Tests.Model;

public sealed class RunColumnsTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("nothing,we,know")]
    public void Nothing_readable_stored_gives_the_defaults(string? stored) => Assert.Same(RunColumns.Defaults, RunColumns.Parse(stored));

    [Fact]
    public void A_stored_choice_round_trips_in_column_order_and_keeps_the_run_id()
    {
        var columns = RunColumns.Parse("tokens, status,unknown");

        Assert.Equal([RunColumn.Status, RunColumn.Run, RunColumn.Tokens], RunColumns.All.Select(c => c.Column).Where(columns.Contains));
        Assert.Equal("status,run,tokens", RunColumns.Format(columns));
    }

    [Fact]
    public void Toggling_shows_or_hides_a_column_but_never_the_run_id()
    {
        var hidden = RunColumns.Toggle(RunColumns.Defaults, RunColumn.Route);
        var shown = RunColumns.Toggle(hidden, RunColumn.Route);

        Assert.DoesNotContain(RunColumn.Route, hidden);
        Assert.True(shown.SetEquals(RunColumns.Defaults));
        Assert.Contains(RunColumn.Run, RunColumns.Toggle(RunColumns.Defaults, RunColumn.Run));
        Assert.DoesNotContain(RunColumns.Choosable, c => c.Column == RunColumn.Run);
    }

    [Fact]
    public void The_defaults_show_the_error_and_the_differing_versions()
    {
        Assert.Contains(RunColumn.Error, RunColumns.Defaults);
        Assert.Contains(RunColumn.Versions, RunColumns.Defaults);
        Assert.DoesNotContain(RunColumn.AllVersions, RunColumns.Defaults);
    }
}
