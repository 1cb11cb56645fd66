using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;

namespace MediaAdmin.Core.Data;

/// <summary>
/// Tells a write that lost a race to insert the same key (primary key or unique index) from any other failure: the
/// writer that lost may read again and update what the winner inserted.
/// </summary>
internal static class KeyConflict
{
    private const int SqlitePrimaryKey = 1555; // SQLITE_CONSTRAINT_PRIMARYKEY
    private const int SqliteUnique = 2067; // SQLITE_CONSTRAINT_UNIQUE
    private const int SqlServerUniqueConstraint = 2627;
    private const int SqlServerUniqueIndex = 2601;

    public static bool Is(Exception ex)
    {
        for (Exception? current = ex; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case SqliteException { SqliteExtendedErrorCode: SqlitePrimaryKey or SqliteUnique }:
                case SqlException { Number: SqlServerUniqueConstraint or SqlServerUniqueIndex }:
                    return true;
            }
        }

        return false;
    }
}
