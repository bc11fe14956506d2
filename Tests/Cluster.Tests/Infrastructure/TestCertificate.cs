using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Rayswarm.Grains;

namespace Rayswarm.Cluster.Tests;

/// <summary>A self-signed certificate made for one test run, exported as a password-protected PKCS#12 file as an operator
/// would hand it to the silos (<c>--tls-certificate FILE.pfx --tls-password …</c>).</summary>
public sealed class TestCertificate : IDisposable
{
    private readonly string _directory;

    private TestCertificate(string directory, string path, string password)
    {
        _directory = directory;
        Path = path;
        Password = password;
    }

    public string Path { get; }

    public string Password { get; }

    /// <summary>The switches that give a silo or the gateway this certificate.</summary>
    public IEnumerable<string> Arguments => ["--tls-certificate", Path, "--tls-password", Password];

    public static TestCertificate Create(string name)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN=rayswarm-{name}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, false));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")], false)); // server and client authentication
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));

        var directory = Directory.CreateTempSubdirectory("rayswarm-tls-").FullName;
        var path = System.IO.Path.Combine(directory, name + ".pfx");
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(12));
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, password));
        return new TestCertificate(directory, path, password);
    }

    /// <summary>The certificate with its private key, loaded as the gateway loads it.</summary>
    public X509Certificate2 Load() => ClusterTls.Load(Path, Password);

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
