using Azure.Storage.Blobs;
using MediaAdmin.Core.Storage;
using MediaAdmin.Core.Storage.AzureBlob;
using MediaAdmin.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MediaAdmin.Tests.Storage;

/// <summary>Storage settings are checked at start-up, naming the setting and never showing the key; the container is made there.</summary>
public sealed class AzureBlobStartUpTests(Azurite azurite) : IClassFixture<Azurite>, IDisposable
{
    private const string Key = "c2VjcmV0LWFjY291bnQta2V5LXRoYXQtbXVzdC1uZXZlci1iZS1zaG93bg==";

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    public static TheoryData<string?, string?, string?, string> WrongSettings => new()
    {
        { "Dropbox", null, null, "Storage:Provider is 'Dropbox'; it must be 'LocalDisk' or 'AzureBlob'." },
        { "1", null, null, "Storage:Provider is '1'; it must be 'LocalDisk' or 'AzureBlob'." },
        { "AzureBlob", null, "media", "Storage:AzureBlob:ConnectionString must be set when Storage:Provider is AzureBlob." },
        { "AzureBlob", $"AccountKey={Key};Unheard=1", "media", "Storage:AzureBlob:ConnectionString is not a valid Azure Storage connection string (its value is not shown: it holds the account key)." },
        { "azureblob", Connection, " ", "Storage:AzureBlob:Container must be set when Storage:Provider is AzureBlob." },
        { "AzureBlob", Connection, "Media", $"Storage:AzureBlob:Container 'Media' is not a valid container name: {Rule}" },
        { "AzureBlob", Connection, "md", $"Storage:AzureBlob:Container 'md' is not a valid container name: {Rule}" },
        { "AzureBlob", Connection, "media--files", $"Storage:AzureBlob:Container 'media--files' is not a valid container name: {Rule}" },
        { "AzureBlob", Connection, "-media", $"Storage:AzureBlob:Container '-media' is not a valid container name: {Rule}" },
        { "AzureBlob", Connection, "media_files", $"Storage:AzureBlob:Container 'media_files' is not a valid container name: {Rule}" },
        { "AzureBlob", Connection, new string('m', 64), $"Storage:AzureBlob:Container '{new string('m', 64)}' is not a valid container name: {Rule}" },
    };

    private static string Connection => $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={Key};BlobEndpoint=http://127.0.0.1:9/devstoreaccount1;";

    private static string Rule => "3 to 63 lowercase letters, digits and hyphens, starting and ending with a letter or digit, with no two hyphens in a row.";

    [Theory]
    [MemberData(nameof(WrongSettings))]
    public async Task A_wrong_storage_setting_stops_start_up_naming_the_setting_and_never_the_key(string? provider, string? connectionString, string? container, string message)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => CoreHost.StartAsync(_folder.Path, settings: new Dictionary<string, string?>
        {
            ["Storage:Provider"] = provider,
            ["Storage:AzureBlob:ConnectionString"] = connectionString,
            ["Storage:AzureBlob:Container"] = container,
        }));

        Assert.Equal(message, error.Message);
        Assert.DoesNotContain(Key, error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_folder.Path, "mediaadmin.db")));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("257")]
    public async Task A_delete_concurrency_out_of_range_stops_start_up_naming_the_setting(string concurrency)
    {
        var settings = azurite.Settings("media");
        settings["Storage:AzureBlob:DeleteConcurrency"] = concurrency;

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => CoreHost.StartAsync(_folder.Path, settings: settings));

        Assert.Equal($"Storage:AzureBlob:DeleteConcurrency is {concurrency}; it must be between 1 and 256.", error.Message);
    }

    [Fact]
    public async Task An_unreachable_blob_service_stops_start_up_naming_the_setting_and_never_the_key()
    {
        var settings = azurite.Settings("media");
        settings["Storage:AzureBlob:ConnectionString"] = Connection;

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => CoreHost.StartAsync(_folder.Path, settings: settings));

        Assert.StartsWith("Storage:AzureBlob:ConnectionString names http://127.0.0.1:9/devstoreaccount1/media, which could not be reached", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_container_is_created_at_start_up_and_files_go_into_it_not_onto_the_disk()
    {
        var name = azurite.NewContainerName();

        await using (var app = await CoreHost.StartAsync(_folder.Path, settings: azurite.Settings(name)))
        {
            Assert.IsType<AzureBlobMediaStorage>(app.Services.GetRequiredService<IMediaStorage>());
            Assert.True((await new BlobContainerClient(azurite.ConnectionString, name).ExistsAsync()).Value);

            var admin = await app.CreateUserAsync(Core.Permissions.RoleNames.Administrator);
            var asset = await app.AddAssetAsync(admin.Id);
            await app.AssertStorageMatchesDatabaseAsync();
            Assert.NotEmpty(await app.StoredKeysAsync($"media/{asset.Id}"));
        }

        Assert.False(Directory.Exists(Path.Combine(_folder.Path, "storage")));

        // A second start finds the container there and keeps what it holds.
        await using var again = await CoreHost.StartAsync(_folder.Path, settings: azurite.Settings(name));
        await again.AssertStorageMatchesDatabaseAsync();
    }
}
