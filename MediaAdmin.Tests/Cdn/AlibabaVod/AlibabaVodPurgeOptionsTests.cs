using MediaAdmin.Tests.Support;
using Microsoft.Extensions.Options;

namespace MediaAdmin.Tests.Cdn.AlibabaVod;

/// <summary>Wrong <c>Cdn:Purge:AlibabaVod</c> settings stop start-up, naming the setting, only when AlibabaVod is the provider.</summary>
public sealed class AlibabaVodPurgeOptionsTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("Cdn:Purge:AlibabaVod:AccessKeySecret", "", "Cdn:Purge:AlibabaVod:AccessKeySecret is not set; set it in configuration or in the environment variable Cdn__Purge__AlibabaVod__AccessKeySecret.")]
    [InlineData("Cdn:Purge:AlibabaVod:AccessKeyId", " ", "Cdn:Purge:AlibabaVod:AccessKeyId is not set; set it in configuration or in the environment variable Cdn__Purge__AlibabaVod__AccessKeyId.")]
    [InlineData("Cdn:Purge:AlibabaVod:Endpoint", "vod.cn-shanghai.aliyuncs.com", "Cdn:Purge:AlibabaVod:Endpoint is 'vod.cn-shanghai.aliyuncs.com'; it must be an absolute http(s) URL such as https://vod.cn-shanghai.aliyuncs.com.")]
    [InlineData("Cdn:Purge:AlibabaVod:RegionId", "", "Cdn:Purge:AlibabaVod:RegionId is empty; set it to the VOD region, e.g. cn-shanghai.")]
    [InlineData("Cdn:Purge:AlibabaVod:UrlsPerCall", "1001", "Cdn:Purge:AlibabaVod:UrlsPerCall is 1001; it must be between 1 and 1000.")]
    [InlineData("Cdn:Purge:AlibabaVod:DirectoriesPerCall", "0", "Cdn:Purge:AlibabaVod:DirectoriesPerCall is 0; it must be between 1 and 100.")]
    public async Task A_wrong_Alibaba_setting_stops_start_up_naming_the_setting_when_AlibabaVod_is_the_provider(string key, string value, string message)
    {
        var settings = ValidAlibabaSettings();
        settings[key] = value;

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => CoreHost.StartAsync(_folder.Path, settings: settings));

        Assert.Equal(message, error.Message);
        Assert.DoesNotContain("never-shown-secret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Alibaba_settings_are_not_required_when_another_provider_is_chosen()
    {
        await using var host = await CoreHost.StartAsync(_folder.Path, settings: new Dictionary<string, string?>
        {
            ["Cdn:Purge:Provider"] = "None",
            ["Cdn:Purge:AlibabaVod:Endpoint"] = "not a url",
        });

        Assert.NotNull(host.Services);
    }

    [Fact]
    public async Task Complete_Alibaba_settings_start()
    {
        await using var host = await CoreHost.StartAsync(_folder.Path, settings: ValidAlibabaSettings());

        Assert.NotNull(host.Services);
    }

    private static Dictionary<string, string?> ValidAlibabaSettings() => new()
    {
        ["Cdn:Purge:Provider"] = "AlibabaVod",
        ["Cdn:Purge:AlibabaVod:Endpoint"] = "https://vod.cn-shanghai.aliyuncs.com",
        ["Cdn:Purge:AlibabaVod:RegionId"] = "cn-shanghai",
        ["Cdn:Purge:AlibabaVod:AccessKeyId"] = "key-id",
        ["Cdn:Purge:AlibabaVod:AccessKeySecret"] = "never-shown-secret",
    };
}
