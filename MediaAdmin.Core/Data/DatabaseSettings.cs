using Microsoft.Extensions.Configuration;

namespace MediaAdmin.Core.Data;

internal static class DatabaseSettings
{
    /// <summary>Says what is wrong with the database settings, or null when they can be used.</summary>
    public static string? Validate(IConfiguration configuration, DatabaseOptions options)
    {
        var rawProvider = configuration[$"{DatabaseOptions.Section}:{nameof(DatabaseOptions.Provider)}"];
        if (rawProvider is not null && !Enum.TryParse<DatabaseProvider>(rawProvider, ignoreCase: true, out _))
        {
            return $"Database:Provider is '{rawProvider}'; it must be 'Sqlite' or 'SqlServer'.";
        }

        if (options.Provider == DatabaseProvider.SqlServer && string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return $"Database:Provider is SqlServer but no connection string is set: set ConnectionStrings:{DatabaseOptions.ConnectionStringName}.";
        }

        if (options.Provider == DatabaseProvider.Sqlite && options.ConnectionString is null && string.IsNullOrWhiteSpace(options.SqliteFile))
        {
            return "Database:SqliteFile must name a file when no connection string is set.";
        }

        return null;
    }
}
