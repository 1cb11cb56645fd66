namespace MediaAdmin.Core.Data;

public enum DatabaseProvider
{
    Sqlite = 0,
    SqlServer = 1,
}

/// <summary>When a SQLite commit reaches the disk (SQLite's <c>synchronous</c> pragma in WAL mode).</summary>
public enum SqliteSynchronous
{
    /// <summary>The write-ahead log is synced at checkpoints: survives a crash of the process, not always a power loss.</summary>
    Normal = 1,

    /// <summary>The write-ahead log is synced at every commit: survives a power loss, at a few milliseconds a write.</summary>
    Full = 2,
}

/// <summary>Which database MediaAdmin keeps its library and accounts in; checked by <see cref="DatabaseOptionsValidator"/> at start-up.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";
    public const string ConnectionStringName = "MediaAdmin";

    /// <summary>'Sqlite' (the default) or 'SqlServer', in any letter case.</summary>
    /// <remarks>Bound as text so that a wrong value fails validation with the choices named, not with a conversion error.</remarks>
    public string Provider { get; set; } = nameof(DatabaseProvider.Sqlite);

    /// <summary>From ConnectionStrings:MediaAdmin unless set here; required for SQL Server, optional for SQLite.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The SQLite file used when no connection string is given; relative to the data folder.</summary>
    public string SqliteFile { get; set; } = "mediaadmin.db";

    /// <summary>
    /// 'Normal' (the default) or 'Full', in any letter case: whether every SQLite commit waits for the disk. Normal
    /// loses nothing when the process crashes but may roll back the last commits after a power loss; Full keeps
    /// them, and caps the writes of all instances together at what the disk syncs a second.
    /// </summary>
    public string SqliteSynchronous { get; set; } = nameof(Data.SqliteSynchronous.Normal);

    /// <summary>The level <see cref="SqliteSynchronous"/> names, or null when it names none.</summary>
    public SqliteSynchronous? SqliteSynchronousLevel =>
        EnumSetting.Parse<SqliteSynchronous>(SqliteSynchronous);

    /// <summary>The provider <see cref="Provider"/> names, or null when it names none.</summary>
    public DatabaseProvider? ProviderKind =>
        EnumSetting.Parse<DatabaseProvider>(Provider);
}
