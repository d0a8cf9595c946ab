using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TraceExplorer.Storage.Analytics.Rollups;

namespace TraceExplorer.Storage.Configurations;

/// <summary>The hourly rollups behind the repeated-tools and validation reports (see <see cref="RollupMaterializer"/>).</summary>
internal sealed class RollupConfiguration :
    IEntityTypeConfiguration<RollupHour>, IEntityTypeConfiguration<PendingRollupHour>, IEntityTypeConfiguration<ValidationRollup>,
    IEntityTypeConfiguration<ToolUsageRollup>, IEntityTypeConfiguration<ToolRepeatRollup>, IEntityTypeConfiguration<LoopStepRollup>
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

    public void Configure(EntityTypeBuilder<ValidationRollup> builder)
    {
        builder.ToTable("rollup_validation");
        builder.HasIndex(v => v.Hour);
    }

    public void Configure(EntityTypeBuilder<ToolUsageRollup> builder)
    {
        builder.ToTable("rollup_tool_usage");
        builder.HasIndex(u => u.Hour);
    }

    public void Configure(EntityTypeBuilder<ToolRepeatRollup> builder)
    {
        builder.ToTable("rollup_tool_repeats");
        builder.HasIndex(t => new { t.Hour, t.ToolName });
    }

    public void Configure(EntityTypeBuilder<LoopStepRollup> builder)
    {
        builder.ToTable("rollup_loop_steps");
        builder.HasIndex(l => l.Hour);
    }
}
