using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TraceExplorer.Core.Model;

namespace TraceExplorer.Storage.Configurations;

internal sealed class RunConfiguration : IEntityTypeConfiguration<Run>
{
    public void Configure(EntityTypeBuilder<Run> builder)
    {
        builder.ToTable("runs");
        builder.HasKey(r => r.RunId);
        builder.Property(r => r.RunId).HasMaxLength(128);
        builder.Property(r => r.RequestId).HasMaxLength(128);
        builder.Property(r => r.TraceId).HasMaxLength(32);
        builder.Property(r => r.ParentRunId).HasMaxLength(128);
        builder.Property(r => r.RootSpanId).HasMaxLength(16);

        // Every column the runs list filters or sorts on is indexed; the list's default order is newest first.
        builder.HasIndex(r => r.RequestId);
        builder.HasIndex(r => r.TraceId);
        builder.HasIndex(r => r.ParentRunId);
        builder.HasIndex(r => r.StartTime);
        builder.HasIndex(r => r.DurationMs);
        builder.HasIndex(r => new { r.AgentName, r.StartTime });
        builder.HasIndex(r => new { r.Route, r.StartTime });
        builder.HasIndex(r => new { r.Status, r.StartTime });
        builder.HasIndex(r => new { r.PromptVersion, r.StartTime });
        builder.HasIndex(r => new { r.PolicyVersion, r.StartTime });
        builder.HasIndex(r => new { r.ToolContractVersion, r.StartTime });
        builder.HasIndex(r => new { r.RouteConfigVersion, r.StartTime });
    }
}
