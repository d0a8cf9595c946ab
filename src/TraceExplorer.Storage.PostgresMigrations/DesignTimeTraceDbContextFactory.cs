using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace TraceExplorer.Storage.PostgresMigrations;

/// <summary>Lets `dotnet ef migrations add` build the PostgreSQL model; it never connects.</summary>
internal sealed class DesignTimeTraceDbContextFactory : IDesignTimeDbContextFactory<TraceDbContext>
{
    public TraceDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<TraceDbContext>();
        options.Use(StoreProvider.Postgres, "Host=localhost;Database=design_time");
        return new TraceDbContext(options.Options);
    }
}
