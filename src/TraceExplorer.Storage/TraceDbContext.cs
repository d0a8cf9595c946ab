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

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(TraceDbContext).Assembly);

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
