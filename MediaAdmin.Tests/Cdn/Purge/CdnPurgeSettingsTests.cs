using MediaAdmin.Core.Cdn.Purge;
using MediaAdmin.Core.Permissions;
using MediaAdmin.Core.Results;
using MediaAdmin.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace MediaAdmin.Tests.Cdn.Purge;

/// <summary>Cdn:Purge settings: checked at start-up naming the setting, and with Provider=None no purge job runs at all.</summary>
public sealed class CdnPurgeSettingsTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("Varnish", null, "Cdn:Purge:Provider is 'Varnish'; it must be 'None', 'Http' or 'AlibabaVod'.")]
    [InlineData("7", null, "Cdn:Purge:Provider is '7'")]
    [InlineData("Http", null, "Cdn:Purge:Provider is Http but Cdn:Purge:Http:EdgeUrl is not set")]
    [InlineData("Http", "varnish:6081", "Cdn:Purge:Http:EdgeUrl is 'varnish:6081'; it must be an absolute http or https URL")]
    [InlineData("Http", "/purge", "Cdn:Purge:Http:EdgeUrl is '/purge'; it must be an absolute http or https URL")]
    public async Task A_wrong_purge_setting_stops_start_up_naming_the_setting(string provider, string? edgeUrl, string message)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => CoreHost.StartAsync(_folder.Path, settings: new Dictionary<string, string?>
        {
            ["Cdn:Purge:Provider"] = provider,
            ["Cdn:Purge:Http:EdgeUrl"] = edgeUrl,
        }));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Http", "Cdn:Purge:Http:BanPrefix", "true", "Cdn:Purge:Http:BanPrefix must be false")]
    [InlineData("AlibabaVod", "Cdn:Purge:AlibabaVod:PurgeFolders", null, "Cdn:Purge:AlibabaVod:PurgeFolders must be set to false")]
    [InlineData("AlibabaVod", "Cdn:Purge:AlibabaVod:PurgeFolders", "true", "Cdn:Purge:AlibabaVod:PurgeFolders must be set to false")]
    public async Task Folder_purges_with_the_alibaba_library_source_stop_start_up_naming_the_setting(string provider, string setting, string? value, string message)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => CoreHost.StartAsync(_folder.Path, settings: new Dictionary<string, string?>
        {
            ["Library:Source"] = "AlibabaVod",
            ["AlibabaVod:Endpoint"] = "http://127.0.0.1:9/",
            ["AlibabaVod:RegionId"] = "cn-shanghai",
            ["AlibabaVod:AccessKeyId"] = "key",
            ["AlibabaVod:AccessKeySecret"] = "secret",
            ["AlibabaVod:CallbackPrivateKey"] = "callback-key",
            ["Cdn:Purge:Provider"] = provider,
            ["Cdn:Purge:Http:EdgeUrl"] = "http://127.0.0.1:9/",
            ["Cdn:Purge:AlibabaVod:AccessKeyId"] = "key",
            ["Cdn:Purge:AlibabaVod:AccessKeySecret"] = "secret",
            [setting] = value,
        }));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Cdn:Purge:VerifyFor", "30.00:00:00")]
    [InlineData("Cdn:Purge:ListingWait", "2.00:00:00")]
    [InlineData("Cdn:Purge:ListingWait", "-00:00:01")]
    public async Task A_wait_out_of_range_stops_start_up_naming_the_setting(string setting, string value)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            CoreHost.StartAsync(_folder.Path, settings: new Dictionary<string, string?> { [setting] = value }));

        Assert.Contains($"{setting} must be between", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_provider_none_there_is_no_purge_worker_and_refresh_now_says_how_to_refresh_by_hand()
    {
        await using var app = await CoreHost.StartAsync(_folder.Path);
        var editor = await app.CreateUserAsync(RoleNames.Editor);
        var asset = await app.AddAssetAsync(editor.Id);
        var deletion = await app.Deletion.DeleteAsync(new(editor.Id, Core.Audit.DeletionChannel.Console), asset.Id);

        Assert.DoesNotContain(app.Services.GetServices<IHostedService>(), s => s.GetType().Name == "CdnPurgeWorker");
        Assert.Null(app.Services.GetService<ICdnPurgeProvider>());
        var refresh = await app.Services.GetRequiredService<CdnPurgeService>().RefreshNowAsync(editor.Id, [deletion.RequestId]);
        Assert.Equal(ResultStatus.Conflict, refresh.Status);
        Assert.Contains("Cdn:Purge:Provider is None", refresh.Error, StringComparison.Ordinal);
        var detail = (await app.Services.GetRequiredService<CdnPurgeQueries>().DetailAsync(editor.Id, deletion.RequestId)).Value;
        Assert.Equal((CdnPurgeProviderKind.None, null, false, true), (detail.Provider, detail.Quota, detail.CanPurge, detail.CanMarkDone));
        Assert.True((await app.Services.GetRequiredService<CdnPurgeService>().MarkDoneAsync(editor.Id, deletion.RequestId, "Refreshed in the vendor console")).IsSuccess);
    }
}
