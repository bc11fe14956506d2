using System.Security.Cryptography;
using System.Text;
using Rayswarm.Grains.Interfaces;

namespace Rayswarm.Grains;

/// <summary>Signs and verifies workflow audit heads with the cluster's ECDSA P-256 key (<see cref="WorkflowSigningOptions"/>).</summary>
public sealed class WorkflowSigner : IDisposable
{
    /// <summary>The JOSE name of the algorithm.</summary>
    public const string Algorithm = "ES256";

    private readonly ECDsa _key;

    /// <summary>Loads, derives or creates the key; throws <see cref="InvalidOperationException"/> naming a bad setting.</summary>
    public WorkflowSigner(WorkflowSigningOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _key = options switch
        {
            { KeyPem: { Length: > 0 } pem } => FromPem(pem, "WorkflowSigningOptions.KeyPem"),
            { ClusterSecret: { Length: > 0 } secret } => FromSecret(secret),
            { KeyFile: { Length: > 0 } file } => FromFile(file),
            _ => ECDsa.Create(ECCurve.NamedCurves.nistP256),
        };
        PublicKey = Convert.ToBase64String(_key.ExportSubjectPublicKeyInfo());
    }

    /// <summary>The public key, base64 SubjectPublicKeyInfo.</summary>
    public string PublicKey { get; }

    /// <summary>The proof for <paramref name="headHash"/> of <paramref name="workflowId"/>.</summary>
    public WorkflowProof Sign(string workflowId, string headHash) =>
        new(headHash, Convert.ToBase64String(_key.SignData(Payload(workflowId, headHash), HashAlgorithmName.SHA256)), Algorithm, PublicKey);

    /// <summary>Whether <paramref name="signature"/> (base64) is this key's signature over <paramref name="headHash"/>.</summary>
    public bool Verify(string workflowId, string headHash, string? signature)
    {
        if (string.IsNullOrEmpty(signature)) { return false; }
        var bytes = new byte[signature.Length];
        return Convert.TryFromBase64String(signature, bytes, out var length)
            && _key.VerifyData(Payload(workflowId, headHash), bytes.AsSpan(0, length), HashAlgorithmName.SHA256);
    }

    /// <summary>A 32-byte key for another use of the cluster's secret (HKDF-SHA256 of the private scalar, with
    /// <paramref name="purpose"/> as its info), so that one configured key serves several purposes without reuse.</summary>
    public byte[] DeriveKey(string purpose)
    {
        ArgumentException.ThrowIfNullOrEmpty(purpose);
        var d = _key.ExportParameters(includePrivateParameters: true).D!;
        try
        {
            return HKDF.DeriveKey(HashAlgorithmName.SHA256, d, 32, salt: "rayswarm-derived-key"u8.ToArray(), info: Encoding.UTF8.GetBytes(purpose));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(d);
        }
    }

    private static byte[] Payload(string workflowId, string headHash) => Encoding.UTF8.GetBytes(workflowId + "\n" + headHash);

    private static ECDsa FromPem(string pem, string source)
    {
        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(pem);
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            key.Dispose();
            throw new InvalidOperationException($"{source} is not a readable EC private key in PEM: {e.Message}", e);
        }
        if (key.KeySize != 256)
        {
            key.Dispose();
            throw new InvalidOperationException($"{source} must be a P-256 key (was {key.KeySize} bits).");
        }
        return key;
    }

    /// <summary>HKDF-SHA256 of the secret as the private scalar; the rare value outside [1, n) moves to the next counter.</summary>
    private static ECDsa FromSecret(string secret)
    {
        var ikm = Encoding.UTF8.GetBytes(secret);
        for (var counter = 0; ; counter++)
        {
            var d = HKDF.DeriveKey(HashAlgorithmName.SHA256, ikm, 32, "rayswarm-workflow-signing"u8.ToArray(),
                Encoding.UTF8.GetBytes($"ecdsa-p256/{counter}"));
            var key = ECDsa.Create();
            try
            {
                key.ImportParameters(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, D = d }); // the public point is computed
                return key;
            }
            catch (CryptographicException) when (counter < 16)
            {
                key.Dispose();
            }
        }
    }

    private static ECDsa FromFile(string path)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            using var created = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var temp = full + "." + Guid.NewGuid().ToString("N") + ".tmp";
            File.WriteAllText(temp, created.ExportPkcs8PrivateKeyPem());
            if (!OperatingSystem.IsWindows()) { File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite); }
            try
            {
                File.Move(temp, full, overwrite: false); // a concurrent first start may win: then its key is the key
            }
            catch (IOException) when (File.Exists(full))
            {
                File.Delete(temp);
            }
        }
        return FromPem(File.ReadAllText(full), full);
    }

    /// <inheritdoc />
    public void Dispose() => _key.Dispose();
}
