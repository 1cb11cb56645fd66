using MediaAdmin.Core.Cdn.UrlAuth;
using MediaAdmin.Core.Results;
using MediaAdmin.Core.Storage;

namespace MediaAdmin.Tests.Cdn.UrlAuth;

/// <summary>Signing and checking URLs with a clock the test controls: valid from issue until issue + Lifetime, for one path only.</summary>
public sealed class CdnUrlSignerTests
{
    private const string Path = "/cdn/media/0123456789abcdef0123456789abcdef/streams/mp4-360p.mp4";

    private static readonly DateTimeOffset Issued = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);

    private readonly ManualClock _clock = new(Issued);

    [Fact]
    public void A_signed_path_is_valid_until_its_lifetime_ends_and_expired_a_second_later()
    {
        var signer = Signers.Create(_clock, lifetime: TimeSpan.FromMinutes(30));
        var authKey = AuthKeyOf(signer.Sign(Path));

        _clock.Advance(TimeSpan.FromMinutes(30));
        var lastSecond = signer.Validate(Path, authKey);
        _clock.Advance(TimeSpan.FromSeconds(1));
        var after = signer.Validate(Path, authKey);

        Assert.True(lastSecond.IsSuccess, lastSecond.Error);
        Assert.Equal(Path, lastSecond.Value.Path);
        Assert.Equal((ResultStatus.Forbidden, "The signed URL has expired."), (after.Status, after.Error));
    }

    [Fact]
    public void The_timestamp_is_the_time_of_issue_as_alibaba_defines_it()
    {
        var signer = Signers.Create(_clock);

        Assert.Equal(Issued.ToUnixTimeSeconds(), TypeAAuthKey.Parse(AuthKeyOf(signer.Sign(Path))).Value.Timestamp);
    }

    [Fact]
    public void A_signature_for_another_path_or_with_any_part_changed_is_not_valid()
    {
        var signer = Signers.Create(_clock);
        var authKey = AuthKeyOf(signer.Sign(Path));
        var parts = authKey.Split('-');
        var otherHash = (parts[3][0] == 'a' ? 'b' : 'a') + parts[3][1..];

        var candidates = new[]
        {
            signer.Validate(Path.Replace("mp4-360p.mp4", "master.m3u8", StringComparison.Ordinal), authKey),
            signer.Validate(Path, $"{parts[0]}-{parts[1]}-{parts[2]}-{otherHash}"),
            signer.Validate(Path, $"{long.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture) + 3600}-{parts[1]}-{parts[2]}-{parts[3]}"),
            signer.Validate(Path, $"{parts[0]}-1-{parts[2]}-{parts[3]}"),
            Signers.Create(_clock, privateKey: "anotherPrivateKey42").Validate(Path, authKey),
        };

        Assert.All(candidates, result => Assert.Equal((ResultStatus.Forbidden, "The signature is not valid for this file."), (result.Status, result.Error)));
    }

    [Fact]
    public void Without_a_key_urls_are_handed_out_unchanged()
    {
        var signer = Signers.Create(_clock, privateKey: null);

        Assert.False(signer.IsEnabled);
        Assert.Equal("https://cdn.example.test/vod/media/x/a.mp4", signer.Sign("https://cdn.example.test/vod/media/x/a.mp4"));
        Assert.Equal("cdn/media/x/a.mp4", signer.ConsoleUrl("media/x/a.mp4"));
    }

    [Fact]
    public void The_console_url_is_relative_and_signed_for_its_path_under_cdn()
    {
        var signer = Signers.Create(_clock);

        AssertSignedFor(signer, signer.ConsoleUrl("media/x/a.mp4"), "cdn/media/x/a.mp4?auth_key=", "/cdn/media/x/a.mp4");
    }

    [Fact]
    public void A_url_with_parameters_keeps_them_and_the_signature_covers_its_path_only()
    {
        var signer = Signers.Create(_clock);

        AssertSignedFor(signer, signer.Sign("https://cdn.example.test/vod/a.mp4?download=1"), "https://cdn.example.test/vod/a.mp4?download=1&auth_key=", "/vod/a.mp4");
    }

    [Fact]
    public void Urls_issued_within_a_tenth_of_the_lifetime_are_the_same_so_browsers_keep_what_they_loaded()
    {
        var signer = Signers.Create(_clock, lifetime: TimeSpan.FromMinutes(5));
        var first = signer.Sign(Path);

        _clock.Advance(TimeSpan.FromSeconds(29));
        var withinStep = signer.Sign(Path);
        _clock.Advance(TimeSpan.FromSeconds(1));
        var nextStep = signer.Sign(Path);

        Assert.Equal(first, withinStep);
        Assert.NotEqual(first, nextStep);
    }

    [Fact]
    public void A_stored_file_may_be_signed_for_its_path_on_this_origin_or_under_the_cdn_base_url()
    {
        var signer = Signers.Create(_clock, baseUrl: "https://cdn.example.test/vod");
        var key = StorageKey.Parse("media/x/a.mp4");

        Assert.Equal(["/cdn/media/x/a.mp4", "/vod/media/x/a.mp4"], signer.PathsOf(key));
        Assert.Equal(["/cdn/media/x/a.mp4"], Signers.Create(_clock, baseUrl: "http://localhost:5080/cdn").PathsOf(key));
        Assert.Equal("/vod/media/x/a.mp4", signer.Validate(signer.PathsOf(key), AuthKeyOf(signer.Sign("https://cdn.example.test/vod/media/x/a.mp4"))).Value.Path);
    }

    [Fact]
    public void A_reference_inside_a_signed_file_is_signed_for_its_own_path_with_the_same_issue_time()
    {
        var signer = Signers.Create(_clock);
        var grant = signer.Validate(Path, AuthKeyOf(signer.Sign(Path))).Value;
        _clock.Advance(TimeSpan.FromMinutes(10));

        var segment = signer.SignReference(grant, "hls-360p/seg-001.m4s");
        var tile = signer.SignReference(grant, "sprite-0.jpg#xywh=0,0,160,90");

        Assert.StartsWith("hls-360p/seg-001.m4s?auth_key=", segment, StringComparison.Ordinal);
        var segmentGrant = signer.Validate("/cdn/media/0123456789abcdef0123456789abcdef/streams/hls-360p/seg-001.m4s", AuthKeyOf(segment)).Value;
        Assert.Equal(grant.AuthKey.Timestamp, segmentGrant.AuthKey.Timestamp);
        Assert.EndsWith("#xywh=0,0,160,90", tile, StringComparison.Ordinal);
        Assert.True(signer.Validate("/cdn/media/0123456789abcdef0123456789abcdef/streams/sprite-0.jpg", AuthKeyOf(tile.Split('#')[0])).IsSuccess);
    }

    [Theory]
    [InlineData("https://elsewhere.example/a.m4s")]
    [InlineData("../../fedcba9876543210fedcba9876543210/source.mp4")]
    [InlineData("hls-360p/../../source.mp4")]
    [InlineData("/cdn/media/fedcba9876543210fedcba9876543210/source.mp4")]
    public void A_reference_outside_the_signed_files_folder_is_left_unsigned(string reference)
    {
        var signer = Signers.Create(_clock);
        var grant = signer.Validate(Path, AuthKeyOf(signer.Sign(Path))).Value;

        Assert.Equal(reference, signer.SignReference(grant, reference));
    }

    private static void AssertSignedFor(CdnUrlSigner signer, string url, string expectedStart, string path)
    {
        Assert.StartsWith(expectedStart, url, StringComparison.Ordinal);
        Assert.True(signer.Validate(path, AuthKeyOf(url)).IsSuccess);
    }

    private static string AuthKeyOf(string url) => url[(url.IndexOf("auth_key=", StringComparison.Ordinal) + "auth_key=".Length)..];
}
