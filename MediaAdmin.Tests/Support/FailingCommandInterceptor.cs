using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace MediaAdmin.Tests.Support;

/// <summary>Makes the database fail, as a full disk or a lost connection would, for commands whose SQL contains a marker.</summary>
public sealed class FailingCommandInterceptor : CommandObserver
{
    private string? _failWhenSqlContains;
    private int _failures;

    /// <summary>Set by a test while workers run commands on other threads.</summary>
    public string? FailWhenSqlContains
    {
        get => Volatile.Read(ref _failWhenSqlContains);
        set => Volatile.Write(ref _failWhenSqlContains, value);
    }

    public int Failures => Volatile.Read(ref _failures);

    protected override void Observe(DbCommand command)
    {
        if (FailWhenSqlContains is { } marker && command.CommandText.Contains(marker, StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _failures);
            throw new SqliteException("simulated database failure (disk I/O error)", 10);
        }
    }
}
