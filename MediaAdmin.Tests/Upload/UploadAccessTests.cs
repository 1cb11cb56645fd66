using System.Net;
using System.Net.Http.Json;
using MediaAdmin.Core.Permissions;

namespace MediaAdmin.Tests.Upload;

/// <summary>Who may speak the upload protocol: Editors and Administrators, never Viewers.</summary>
public sealed class UploadAccessTests : UploadServerTest
{
    [Fact]
    public async Task A_viewer_gets_403_from_every_upload_endpoint_and_nothing_is_written()
    {
        using var editor = await UploadClient.SignInAsync(Server, RoleNames.Editor);
        var id = await editor.StartIdAsync("clip.mov", 100);
        using var viewer = await UploadClient.SignInAsync(Server, RoleNames.Viewer);
        var upload = new Uri($"/upload/{id}", UriKind.Relative);

        var answers = new Dictionary<string, HttpResponseMessage>
        {
            ["token"] = await viewer.Http.GetAsync(new Uri("/upload/token", UriKind.Relative)),
            ["start"] = await viewer.StartAsync("clip.mov", 100),
            ["offset"] = await viewer.Http.GetAsync(upload),
            ["head"] = await viewer.Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, upload)),
            ["chunk"] = await viewer.PutAsync(id, new byte[100], 0, 99),
            ["complete"] = await viewer.CompleteAsync(id),
            ["cancel"] = await viewer.CancelAsync(id),
        };

        Assert.All(answers, a => Assert.True(a.Value.StatusCode == HttpStatusCode.Forbidden, $"{a.Key}: {a.Value.StatusCode}"));
        Assert.Equal("Your roles do not allow uploading media.", await UploadClient.DetailOf(answers["start"]));
        Assert.Equal(0, await editor.OffsetAsync(id));
        Assert.Equal(2, FilesLeftInUploads().Length);
        Assert.Empty(Pipeline.Submissions);
    }

    [Fact]
    public async Task An_administrator_may_upload()
    {
        using var administrator = await UploadClient.SignInAsync(Server, RoleNames.Administrator);

        var started = await administrator.StartAsync("clip.mov", 100, title: "  Opening night  ");

        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        Assert.Contains("\"receivedBytes\":0", await started.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signed_out_caller_is_sent_to_sign_in_and_nothing_is_written()
    {
        using var anonymous = Server.CreateClient();

        var answer = await anonymous.PostAsJsonAsync(new Uri("/upload", UriKind.Relative), new { fileName = "clip.mov", sizeBytes = 100 });

        Assert.False(answer.IsSuccessStatusCode);
        Assert.Contains("/Account/Login", answer.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Empty(FilesLeftInUploads());
    }
}
