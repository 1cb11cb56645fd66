using MediaAdmin.Core;
using MediaAdmin.Core.Storage;
using MediaAdmin.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MediaAdmin.Tests.Data;

/// <summary>A wrong setting stops start-up with a message that names the setting; nothing is created.</summary>
public sealed class ConfigurationTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("Database:Provider", "Oracle", "Database:Provider is 'Oracle'; it must be 'Sqlite' or 'SqlServer'.")]
    [InlineData("Database:Provider", "1", "Database:Provider is '1'; it must be 'Sqlite' or 'SqlServer'.")]
    [InlineData("Database:Provider", "SqlServer", "Database:Provider is SqlServer but no connection string is set: set ConnectionStrings:MediaAdmin.")]
    [InlineData("Database:SqliteFile", " ", "Database:SqliteFile must name a file when no connection string is set.")]
    [InlineData("Database:SqliteSynchronous", "Off", "Database:SqliteSynchronous is 'Off'; it must be 'Normal' or 'Full'.")]
    [InlineData("Database:SqliteSynchronous", "2", "Database:SqliteSynchronous is '2'; it must be 'Normal' or 'Full'.")]
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
    [InlineData("MediaAdmin:DataFolder", " ", "DataFolder")]
    [InlineData("Storage:RootPath", " ", "RootPath")]
    public async Task A_wrong_option_stops_start_up_naming_the_option(string key, string value, string named)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            CoreHost.StartAsync(_folder.Path, settings: new Dictionary<string, string?> { [key] = value }));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_folder.Path, "mediaadmin.db")));
    }

    [Fact]
    public async Task A_wrong_setting_stops_start_up_before_the_data_folder_is_created()
    {
        var dataFolder = Path.Combine(_folder.Path, "not-yet");

        await Assert.ThrowsAsync<OptionsValidationException>(() => CoreHost.StartAsync(
            _folder.Path, settings: new Dictionary<string, string?> { ["MediaAdmin:DataFolder"] = dataFolder, ["Database:Provider"] = "Oracle" }));

        Assert.False(Directory.Exists(dataFolder));
    }

    [Fact]
    public void Registering_core_with_wrong_settings_neither_throws_nor_creates_anything()
    {
        var dataFolder = Path.Combine(_folder.Path, "not-yet");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MediaAdmin:DataFolder"] = dataFolder,
            ["Database:Provider"] = "Oracle",
        }).Build();

        var services = new ServiceCollection().AddMediaAdminCore(configuration, _folder.Path);

        Assert.NotEmpty(services);
        Assert.False(Directory.Exists(dataFolder));
    }

    [Fact]
    public async Task The_folders_are_the_validated_options_resolved_against_the_content_root_and_the_data_folder()
    {
        await using var app = await CoreHost.StartAsync(
            _folder.Path,
            services => services.PostConfigure<StorageOptions>(storage => storage.RootPath = "media-store"),
            new Dictionary<string, string?> { ["MediaAdmin:DataFolder"] = "data" });

        var paths = app.Services.GetRequiredService<MediaAdminPaths>();
        Assert.Equal(Path.Combine(_folder.Path, "data"), paths.DataFolder);
        Assert.Equal(Path.Combine(_folder.Path, "data", "media-store"), paths.StorageRoot);
        Assert.True(File.Exists(Path.Combine(_folder.Path, "data", "mediaadmin.db")));
    }
}
