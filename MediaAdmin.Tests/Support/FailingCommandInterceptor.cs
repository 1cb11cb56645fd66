using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace MediaAdmin.Tests.Support;

/// <summary>Makes the database fail, as a full disk or a lost connection would, for commands whose SQL contains a marker.</summary>
public sealed class FailingCommandInterceptor : CommandObserver
{
    public string? FailWhenSqlContains { get; set; }

    public int Failures { get; private set; }

    protected override void Observe(DbCommand command)
    {
        if (FailWhenSqlContains is { } marker && command.CommandText.Contains(marker, StringComparison.Ordinal))
        {
            Failures++;
            throw new SqliteException("simulated database failure (disk I/O error)", 10);
        }
    }
}
