using Microsoft.Extensions.Configuration;

namespace MediaAdmin.Core.Data;

internal static class DatabaseSettings
{
    /// <summary>Reads the database settings; the problem says what is wrong with them, or is null when they can be used.</summary>
    public static (DatabaseOptions Options, string? Problem) Read(IConfiguration configuration)
    {
        // Checked before binding, which would fail with a conversion error that names no choices.
        var rawProvider = configuration[$"{DatabaseOptions.Section}:{nameof(DatabaseOptions.Provider)}"];
        if (rawProvider is not null && (!Enum.TryParse<DatabaseProvider>(rawProvider, ignoreCase: true, out _) || int.TryParse(rawProvider, out _)))
        {
            return (new DatabaseOptions(), $"Database:Provider is '{rawProvider}'; it must be 'Sqlite' or 'SqlServer'.");
        }

        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        options.ConnectionString ??= configuration.GetConnectionString(DatabaseOptions.ConnectionStringName);
        return (options, Validate(options));
    }

    private static string? Validate(DatabaseOptions options)
    {
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
