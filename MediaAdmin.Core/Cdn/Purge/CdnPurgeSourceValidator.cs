using MediaAdmin.Core.Sources;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace MediaAdmin.Core.Cdn.Purge;

/// <summary>
/// Refuses folder purges with the AlibabaVod library source. Its URLs are the remote's play, cover and snapshot URLs,
/// which need not share a folder per video (covers often live on another domain); the common folder of such URLs can
/// be a whole domain, and a Directory refresh or BAN of it would empty the CDN's cache for every video.
/// </summary>
internal sealed class CdnPurgeSourceValidator(IConfiguration configuration) : IValidateOptions<CdnPurgeOptions>
{
    public ValidateOptionsResult Validate(string? name, CdnPurgeOptions options)
    {
        if (!LibrarySourceSetting.IsAlibabaVod(configuration))
        {
            return ValidateOptionsResult.Success;
        }

        const string Why = "with Library:Source=AlibabaVod a video's URLs need not share a folder, and purging their common folder could refresh a whole domain";
        return options.ProviderKind switch
        {
            CdnPurgeProviderKind.Http when options.Http.BanPrefix =>
                ValidateOptionsResult.Fail($"Cdn:Purge:Http:BanPrefix must be false: {Why}; each URL is purged on its own."),
            CdnPurgeProviderKind.AlibabaVod when !bool.TryParse(configuration["Cdn:Purge:AlibabaVod:PurgeFolders"], out var folders) || folders =>
                ValidateOptionsResult.Fail($"Cdn:Purge:AlibabaVod:PurgeFolders must be set to false: {Why}; each URL is refreshed on its own."),
            _ => ValidateOptionsResult.Success,
        };
    }
}
