using MediaAdmin.Tests.Support;
using Microsoft.Extensions.Options;

namespace MediaAdmin.Tests.Data;

/// <summary>A wrong setting stops start-up with a message that names the setting; nothing is created.</summary>
public sealed class ConfigurationTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("Database:Provider", "Oracle", "Database:Provider is 'Oracle'; it must be 'Sqlite' or 'SqlServer'.")]
    [InlineData("Database:Provider", "SqlServer", "Database:Provider is SqlServer but no connection string is set: set ConnectionStrings:MediaAdmin.")]
    public async Task A_wrong_database_setting_stops_start_up_with_a_clear_message(string key, string value, string message)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            CoreHost.StartAsync(_folder.Path, settings: new Dictionary<string, string?> { [key] = value }));

        Assert.Equal(message, error.Message);
        Assert.False(File.Exists(Path.Combine(_folder.Path, "mediaadmin.db")));
    }

    [Theory]
    [InlineData("Cdn:BaseUrl", "not a url", "BaseUrl")]
    [InlineData("Cdn:RefreshConsoleUrl", "", "RefreshConsoleUrl")]
    [InlineData("Deletion:WorkerPollInterval", "00:00:00", "WorkerPollInterval")]
    [InlineData("Deletion:WorkerBatchSize", "0", "WorkerBatchSize")]
    public async Task A_wrong_option_stops_start_up_naming_the_option(string key, string value, string named)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            CoreHost.StartAsync(_folder.Path, settings: new Dictionary<string, string?> { [key] = value }));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_folder.Path, "mediaadmin.db")));
    }
}
