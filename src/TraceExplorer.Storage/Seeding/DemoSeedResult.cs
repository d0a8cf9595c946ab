namespace TraceExplorer.Storage.Seeding;

public sealed record DemoSeedResult(long Runs, long Steps, long Decisions, long Complaints);
