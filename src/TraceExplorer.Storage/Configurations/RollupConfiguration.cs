using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TraceExplorer.Storage.Analytics.Rollups;

namespace TraceExplorer.Storage.Configurations;

/// <summary>The hourly rollups behind the slow-steps, repeated-tools, validation and latency reports (see <see cref="RollupMaterializer"/>).</summary>
internal sealed class RollupConfiguration :
    IEntityTypeConfiguration<RollupHour>, IEntityTypeConfiguration<PendingRollupHour>, IEntityTypeConfiguration<ValidationRollup>,
    IEntityTypeConfiguration<ToolUsageRollup>, IEntityTypeConfiguration<ToolRepeatRollup>, IEntityTypeConfiguration<LoopStepRollup>,
    IEntityTypeConfiguration<StepHourRollup>, IEntityTypeConfiguration<StepDayRollup>, IEntityTypeConfiguration<SlowestStepRollup>,
    IEntityTypeConfiguration<RunHourRollup>, IEntityTypeConfiguration<RunDayRollup>,
    IEntityTypeConfiguration<FailedStepRollup>, IEntityTypeConfiguration<DecisionRunsRollup>
{
    public void Configure(EntityTypeBuilder<RollupHour> builder)
    {
        builder.ToTable("rollup_hours");
        builder.HasKey(h => h.Hour);
    }

    public void Configure(EntityTypeBuilder<PendingRollupHour> builder)
    {
        builder.ToTable("rollup_pending");
        builder.HasKey(h => h.Hour);
    }

    public void Configure(EntityTypeBuilder<ValidationRollup> builder) => ByHour(builder, "rollup_validation");

    public void Configure(EntityTypeBuilder<ToolUsageRollup> builder) => ByHour(builder, "rollup_tool_usage");

    public void Configure(EntityTypeBuilder<ToolRepeatRollup> builder)
    {
        builder.ToTable("rollup_tool_repeats");
        builder.HasIndex(t => new { t.Hour, t.ToolName });
    }

    public void Configure(EntityTypeBuilder<StepHourRollup> builder) => ByHour(builder, "rollup_step_hours");

    public void Configure(EntityTypeBuilder<StepDayRollup> builder) => ByHour(builder, "rollup_step_days");

    public void Configure(EntityTypeBuilder<RunHourRollup> builder) => ByHour(builder, "rollup_run_hours");

    public void Configure(EntityTypeBuilder<RunDayRollup> builder) => ByHour(builder, "rollup_run_days");

    public void Configure(EntityTypeBuilder<SlowestStepRollup> builder)
    {
        builder.ToTable("rollup_slowest_steps");
        builder.HasIndex(t => t.Hour);
    }

    public void Configure(EntityTypeBuilder<LoopStepRollup> builder)
    {
        builder.ToTable("rollup_loop_steps");
        builder.HasIndex(l => l.Hour);
    }

    public void Configure(EntityTypeBuilder<FailedStepRollup> builder)
    {
        builder.ToTable("rollup_failed_steps");
        builder.HasIndex(f => f.Hour);
        builder.HasIndex(f => f.RunId);
    }

    public void Configure(EntityTypeBuilder<DecisionRunsRollup> builder) => ByHour(builder, "rollup_decision_runs");

    /// <summary>A rollup by run dimensions: read by ranges of hours.</summary>
    private static void ByHour<T>(EntityTypeBuilder<T> builder, string table)
        where T : RunDimensionsRollup
    {
        builder.ToTable(table);
        builder.HasIndex(u => u.Hour);
    }
}
