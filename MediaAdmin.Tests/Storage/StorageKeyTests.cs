using MediaAdmin.Core.Storage;

namespace MediaAdmin.Tests.Storage;

/// <summary>Every provider takes only <see cref="StorageKey"/>s, so a hostile key is stopped here for all of them.</summary>
public sealed class StorageKeyTests
{
    [Theory]
    [InlineData("")]
    [InlineData("..")]
    [InlineData("../escape.txt")]
    [InlineData("media/../../escape.txt")]
    [InlineData("media/./x.mp4")]
    [InlineData("/etc/passwd")]
    [InlineData("media//x.mp4")]
    [InlineData("media\\..\\x.mp4")]
    [InlineData("C:/windows/x")]
    [InlineData("media/x\0.mp4")]
    [InlineData("media/視頻.mp4")]
    [InlineData("media/a b.mp4")]
    [InlineData("media/x.mp4/")]
    [InlineData("media/%2e%2e/x.mp4")]
    [InlineData("media/x.mp4?comp=list")]
    public void Keys_that_could_leave_the_root_or_are_malformed_do_not_parse(string candidate)
    {
        Assert.False(StorageKey.TryParse(candidate, out _, out var problem));
        Assert.False(string.IsNullOrWhiteSpace(problem));
    }

    [Fact]
    public void An_overlong_key_is_refused_with_its_limit_named()
    {
        Assert.False(StorageKey.TryParse(new string('a', StorageKey.MaxLength + 1), out _, out var problem));
        Assert.Contains("512", problem, StringComparison.Ordinal);
    }
}
