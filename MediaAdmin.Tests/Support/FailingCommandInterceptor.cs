using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MediaAdmin.Tests.Support;

/// <summary>Makes the database fail, as a full disk or a lost connection would, for commands whose SQL contains a marker.</summary>
public sealed class FailingCommandInterceptor : DbCommandInterceptor
{
    public string? FailWhenSqlContains { get; set; }

    public int Failures { get; private set; }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Check(command);
        return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Check(command);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    private void Check(DbCommand command)
    {
        if (FailWhenSqlContains is { } marker && command.CommandText.Contains(marker, StringComparison.Ordinal))
        {
            Failures++;
            throw new SqliteException("simulated database failure (disk I/O error)", 10);
        }
    }
}
