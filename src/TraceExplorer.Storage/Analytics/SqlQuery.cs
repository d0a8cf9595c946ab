using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace TraceExplorer.Storage.Analytics;

/// <summary>
/// A parameterised SQL statement under construction. Values always travel as parameters; only SQL written in this
/// assembly (column names, constants) is ever part of the text.
/// </summary>
/// <param name="parameterPrefix">The placeholders' prefix: one other than EF Core's own where the SQL becomes part of a LINQ query.</param>
public sealed class SqlQuery(SqlDialect dialect, string parameterPrefix = "@p")
{
    private readonly StringBuilder _text = new();
    private readonly List<object> _values = [];

    public SqlDialect Dialect { get; } = dialect;

    public string Text => _text.ToString();

    /// <summary>Adds a value and returns its placeholder.</summary>
    public string Parameter(object value)
    {
        _values.Add(value);
        return parameterPrefix + (_values.Count - 1).ToString(CultureInfo.InvariantCulture);
    }

    public SqlQuery Append(string sql)
    {
        _text.Append(sql);
        return this;
    }

    /// <summary>A constant written into the SQL text, formatted so that every provider reads it as a number.</summary>
    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public async Task<List<T>> ReadAsync<T>(TraceDbContext db, Func<DbDataReader, T> read, CancellationToken cancellationToken)
    {
        await using var command = await CreateCommandAsync(db, cancellationToken);
        var rows = new List<T>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    /// <summary>Runs a statement that returns no rows, in the context's current transaction if it has one.</summary>
    public async Task<int> ExecuteAsync(TraceDbContext db, CancellationToken cancellationToken)
    {
        await using var command = await CreateCommandAsync(db, cancellationToken);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<DbCommand> CreateCommandAsync(TraceDbContext db, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }

        var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = Text;
        command.Parameters.AddRange(Parameters(command));
        return command;
    }

    /// <summary>The values as parameters of the context's provider, for EF Core's <c>FromSqlRaw</c>.</summary>
    public DbParameter[] Parameters(TraceDbContext db)
    {
        using var command = db.Database.GetDbConnection().CreateCommand();
        return Parameters(command);
    }

    private DbParameter[] Parameters(DbCommand command) => _values.Select((value, i) =>
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = parameterPrefix + i.ToString(CultureInfo.InvariantCulture);
        parameter.Value = value;
        return parameter;
    }).ToArray();
}
