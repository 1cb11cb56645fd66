using System.Globalization;
using System.Security.Cryptography;
using MediaAdmin.Core.Library;
using Microsoft.AspNetCore.DataProtection;

namespace MediaAdmin.Web.Api.Actions;

/// <summary>
/// SearchMedia's ScrollToken: the position after the last item handed out, and the SortBy it is a position in,
/// encrypted and authenticated with the data-protection keys every instance shares. Filters are not in it: they
/// come with each request. A token that was not issued here, or was altered, is refused.
/// </summary>
internal sealed class ScrollTokens(IDataProtectionProvider dataProtection)
{
    public const string Parameter = "ScrollToken";

    private const char Separator = '|';

    private readonly IDataProtector _protector = dataProtection.CreateProtector("MediaAdmin.Api.SearchMedia.ScrollToken.v1");

    public string Issue(string sortBy, LibraryPosition position)
    {
        ArgumentNullException.ThrowIfNull(position);
        return _protector.Protect(string.Join(Separator, sortBy, position.SortTimeUtc.Ticks.ToString(CultureInfo.InvariantCulture), position.Id));
    }

    /// <summary>The position the token holds, or InvalidParameter naming ScrollToken with why it cannot be used.</summary>
    public RpcResult<LibraryPosition> Read(string token, string sortBy)
    {
        string payload;
        try
        {
            payload = _protector.Unprotect(token);
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException)
        {
            return RpcError.InvalidParameter(Parameter, "it is not a token this API issued, or it was altered; pass back the ScrollToken of the previous page as it came");
        }

        var parts = payload.Split(Separator);
        if (parts.Length != 3 || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) || ticks > DateTime.MaxValue.Ticks)
        {
            return RpcError.InvalidParameter(Parameter, "it is not a token this API issued");
        }

        if (parts[0] != sortBy)
        {
            return RpcError.InvalidParameter(Parameter, $"it continues a traversal sorted by {parts[0]}; send SortBy={parts[0]} with it, or start again without a token");
        }

        return new LibraryPosition(new DateTime(ticks, DateTimeKind.Utc), parts[2]);
    }
}
