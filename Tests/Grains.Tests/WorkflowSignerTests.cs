namespace Rayswarm.Grains.Tests;

/// <summary>Where the signing key comes from: the same on every silo that shares a secret or a key file.</summary>
public sealed class WorkflowSignerTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("rayswarm-key-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Silos_with_the_same_cluster_secret_derive_the_same_key()
    {
        using var one = new WorkflowSigner(new WorkflowSigningOptions { ClusterSecret = "s3cret" });
        using var two = new WorkflowSigner(new WorkflowSigningOptions { ClusterSecret = "s3cret" });
        using var other = new WorkflowSigner(new WorkflowSigningOptions { ClusterSecret = "different" });

        var proof = one.Sign("wf_1", "abc");

        Assert.Equal(one.PublicKey, two.PublicKey);
        Assert.True(two.Verify("wf_1", "abc", proof.Signature));
        Assert.False(two.Verify("wf_2", "abc", proof.Signature));
        Assert.False(two.Verify("wf_1", "abd", proof.Signature));
        Assert.False(other.Verify("wf_1", "abc", proof.Signature));
        Assert.False(two.Verify("wf_1", "abc", "not base64!"));
    }

    [Fact]
    public void A_key_file_is_created_once_and_then_reused()
    {
        var path = Path.Combine(_dir, "keys", "signing-key.pem");
        using var first = new WorkflowSigner(new WorkflowSigningOptions { KeyFile = path });
        using var second = new WorkflowSigner(new WorkflowSigningOptions { KeyFile = path });
        using var fromPem = new WorkflowSigner(new WorkflowSigningOptions { KeyPem = File.ReadAllText(path) });

        Assert.Equal(first.PublicKey, second.PublicKey);
        Assert.Equal(first.PublicKey, fromPem.PublicKey);
        if (!OperatingSystem.IsWindows()) { Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path)); }
    }

    [Fact]
    public void A_key_that_is_not_a_pem_stops_the_start_with_a_message()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new WorkflowSigner(new WorkflowSigningOptions { KeyPem = "nope" }));
        Assert.Contains("WorkflowSigningOptions.KeyPem", error.Message);
    }
}
