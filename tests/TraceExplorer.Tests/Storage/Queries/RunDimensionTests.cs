using System.Linq.Expressions;
using TraceExplorer.Core.Model;
using TraceExplorer.Storage.Queries;

namespace TraceExplorer.Tests.Storage.Queries;

public sealed class RunDimensionTests
{
    public static TheoryData<string> Names => [.. RunDimension.All.Select(d => d.Name)];

    [Theory]
    [MemberData(nameof(Names))]
    public void The_value_read_in_linq_is_the_column_named_in_sql(string name)
    {
        var dimension = RunDimension.Find(name)!;

        var member = Assert.IsAssignableFrom<MemberExpression>(dimension.Value.Body);
        Assert.Equal(dimension.Column, member.Member.Name);
        Assert.NotNull(typeof(Run).GetProperty(dimension.Column));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Narrowing_a_filter_sets_that_dimension_alone(string name)
    {
        var dimension = RunDimension.Find(name)!;

        var narrowed = dimension.Narrow(new RunFilter(), "v-1");

        Assert.Equal("v-1", dimension.Filter(narrowed));
        Assert.All(RunDimension.All.Where(d => d != dimension), other => Assert.Null(other.Filter(narrowed)));
    }

    [Fact]
    public void A_dimension_is_found_by_its_api_or_its_filter_name_in_any_case()
    {
        Assert.Same(RunDimension.ToolContractVersion, RunDimension.Find("tool_contract_version"));
        Assert.Same(RunDimension.ToolContractVersion, RunDimension.Find("toolContractVersion"));
        Assert.Same(RunDimension.Agent, RunDimension.Find(" AGENT "));
        Assert.Null(RunDimension.Find("tenant"));
        Assert.Null(RunDimension.Find(null));
    }

    [Fact]
    public void The_versions_are_the_four_that_change_by_a_deployment()
    {
        Assert.Equal(["prompt_version", "policy_version", "tool_contract_version", "route_config_version"], RunDimension.Versions.Select(d => d.Name));
    }
}
