namespace MediaAdmin.Core.Data;

public enum DatabaseProvider
{
    Sqlite = 0,
    SqlServer = 1,
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

    /// <summary>The provider <see cref="Provider"/> names, or null when it names none.</summary>
    public DatabaseProvider? ProviderKind =>
        Enum.TryParse<DatabaseProvider>(Provider, ignoreCase: true, out var kind) && !int.TryParse(Provider, out _) ? kind : null;
}
