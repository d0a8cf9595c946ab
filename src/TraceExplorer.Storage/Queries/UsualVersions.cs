namespace TraceExplorer.Storage.Queries;

/// <summary>
/// Each agent's most common value of each version among some runs: what the runs list leaves out, showing only the
/// versions a run does not share with most runs of its agent. Agents are keyed by name, "" for runs without one.
/// </summary>
public sealed record UsualVersions(IReadOnlyDictionary<string, RunVersions> ByAgent)
{
    public static readonly UsualVersions None = new(new Dictionary<string, RunVersions>());

    public RunVersions? For(string? agent) => ByAgent.TryGetValue(agent ?? "", out var usual) ? usual : null;
}
