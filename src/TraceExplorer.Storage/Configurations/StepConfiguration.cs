using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TraceExplorer.Core.Model;
using TraceExplorer.Storage.Analytics;

namespace TraceExplorer.Storage.Configurations;

internal sealed class StepConfiguration : IEntityTypeConfiguration<Step>
{
    public void Configure(EntityTypeBuilder<Step> builder)
    {
        builder.ToTable("steps");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.TraceId).HasMaxLength(32);
        builder.Property(s => s.SpanId).HasMaxLength(16);
        builder.Property(s => s.ParentSpanId).HasMaxLength(16);
        builder.Property(s => s.RunId).HasMaxLength(128);

        // (trace id, span id) is a span's identity: exporters retry, and a retried span must not be stored twice.
        builder.HasIndex(s => new { s.TraceId, s.SpanId }).IsUnique();
        builder.HasIndex(s => new { s.RunId, s.StepNumber });
        builder.HasIndex(s => s.ToolCallId);
        builder.HasIndex(s => new { s.Kind, s.StartTime });

        // The validation report reads only validation steps, and only these columns: a partial covering index
        // spares it the wide step rows, and costs ingest nothing for the other four kinds of step.
        builder.HasIndex(s => new { s.Kind, s.ValidationSchema, s.Name, s.ValidationPassed, s.ValidationFailureReason, s.StartTime, s.RunId })
            .HasFilter($"\"Kind\" = {SqlEnum.Literal(StepKind.Validate)}")
            .HasDatabaseName("IX_steps_validation");
        builder.HasOne<Run>().WithMany().HasForeignKey(s => s.RunId).OnDelete(DeleteBehavior.Cascade);
    }
}
