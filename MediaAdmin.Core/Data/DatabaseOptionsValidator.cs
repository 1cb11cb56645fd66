using Microsoft.Extensions.Options;

namespace MediaAdmin.Core.Data;

/// <summary>Stops start-up on database settings that cannot work, with a message naming the setting to fix.</summary>
internal sealed class DatabaseOptionsValidator : IValidateOptions<DatabaseOptions>
{
    public ValidateOptionsResult Validate(string? name, DatabaseOptions options) =>
        ProblemWith(options) is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;

    private static string? ProblemWith(DatabaseOptions options) => options.ProviderKind switch
    {
        null => $"Database:Provider is '{options.Provider}'; it must be 'Sqlite' or 'SqlServer'.",
        DatabaseProvider.SqlServer when string.IsNullOrWhiteSpace(options.ConnectionString) =>
            $"Database:Provider is SqlServer but no connection string is set: set ConnectionStrings:{DatabaseOptions.ConnectionStringName}.",
        DatabaseProvider.Sqlite when options.ConnectionString is null && string.IsNullOrWhiteSpace(options.SqliteFile) =>
            "Database:SqliteFile must name a file when no connection string is set.",
        _ when options.SqliteSynchronousLevel is null =>
            $"Database:SqliteSynchronous is '{options.SqliteSynchronous}'; it must be 'Normal' or 'Full'.",
        _ => null,
    };
}
