using Microsoft.EntityFrameworkCore;
using TraceExplorer.Core.Model;

namespace TraceExplorer.Storage;

public sealed class TraceDbContext(DbContextOptions<TraceDbContext> options) : DbContext(options)
{
    public DbSet<Run> Runs => Set<Run>();

    public DbSet<Step> Steps => Set<Step>();

    public DbSet<Decision> Decisions => Set<Decision>();

    public DbSet<Complaint> Complaints => Set<Complaint>();

    public DbSet<AuditRecord> AuditLog => Set<AuditRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(TraceDbContext).Assembly);
        if (Database.ProviderName == StoreProviders.PostgresName)
        {
            // The step table is partitioned by start time, and PostgreSQL's unique indexes on a partitioned table must
            // include the partition key. A span sent again has the same start time, so it is still stored once.
            var steps = modelBuilder.Entity<Step>();
            steps.Metadata.RemoveIndex(steps.Metadata.GetIndexes().Single(i => i.IsUnique));
            steps.HasIndex(s => new { s.TraceId, s.SpanId, s.StartTime }).IsUnique();
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums as their names: readable in SQL, stable if members are reordered, the same on every provider.
        configurationBuilder.Properties<StepKind>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<StepStatus>().HaveConversion<string>().HaveMaxLength(8);
        configurationBuilder.Properties<RunStatus>().HaveConversion<string>().HaveMaxLength(8);
        configurationBuilder.Properties<RunRelation>().HaveConversion<string>().HaveMaxLength(8);
        configurationBuilder.Properties<DecisionKind>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }
}
