namespace MediaAdmin.Core.Data;

public enum DatabaseProvider
{
    Sqlite = 0,
    SqlServer = 1,
}

public sealed class DatabaseOptions
{
    public const string Section = "Database";
    public const string ConnectionStringName = "MediaAdmin";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>From ConnectionStrings:MediaAdmin; required for SQL Server, optional for SQLite.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The SQLite file used when no connection string is given; relative to the data folder.</summary>
    public string SqliteFile { get; set; } = "mediaadmin.db";
}
