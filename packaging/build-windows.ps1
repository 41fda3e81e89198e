<#
.SYNOPSIS
    Build rasdesk for Windows: the one-folder bundle (dist\rasdesk) and its per-machine
    installer (dist\rasdesk-<version>-setup.exe).

.DESCRIPTION
    Run on a Windows 10/11 x64 build machine (or CI runner) from a clean checkout:

        powershell -NoProfile -ExecutionPolicy Bypass -File packaging\build-windows.ps1

    Needs: Python 3.11 or newer for x64 (python.org installer, with the "py" launcher),
    internet access to PyPI, and Inno Setup 6.3 or newer (https://jrsoftware.org/isdl.php;
    `winget install JRSoftware.InnoSetup`) unless -SkipInstaller. Optional: signtool.exe
    (Windows SDK) and a code-signing certificate, for -SignThumbprint.

    Steps, each stopping the build if it fails:
      1. a build venv (build\venv-windows) with rasdesk's dependencies, PySide6 and
         PyInstaller, from PyPI;
      2. the icon (build\rasdesk.ico, from packaging\linux\uk.rasdesk.Rasdesk.svg) and the
         version resource (build\windows-version.txt);
      3. PyInstaller with packaging\rasdesk.spec (src\ first on PYTHONPATH, so the bundle is
         made from this checkout): dist\rasdesk\rasdesk.exe (the command, and the app when
         run with no arguments) and dist\rasdesk\rasdesk-app.exe (the same program without
         a console window, for the Start menu); translations are compiled by the spec;
      4. a smoke test of the bundle with a throwaway RASDESK_HOME: --version, compute on
         the demo answers (must be 301.20 a week), and `demo --self-test` offscreen;
      5. optionally, signing of both executables;
      6. the installer, from packaging\windows\rasdesk.iss, signed too if asked.
    It prints the bundle's size, the installer's size and the build time.

    The same steps run on Linux in CI (packaging/build.sh, packaging/smoke-test.sh); this
    script cannot be run there, so check its output on the first Windows build.

.PARAMETER Python
    The Python to make the build venv with. Default: "py -3" when the launcher exists,
    else "python".

.PARAMETER SkipInstaller
    Build and smoke-test the bundle only.

.PARAMETER InnoSetup
    Path to ISCC.exe. Default: found on PATH or in Program Files.

.PARAMETER SignThumbprint
    SHA-1 thumbprint of a code-signing certificate in the certificate store; signs
    rasdesk.exe, rasdesk-app.exe and the installer (SHA-256, RFC 3161 timestamp).

.PARAMETER TimestampUrl
    The timestamp server for signing. Default: http://timestamp.digicert.com

.EXAMPLE
    packaging\build-windows.ps1
    packaging\build-windows.ps1 -SkipInstaller
    packaging\build-windows.ps1 -SignThumbprint 0123456789ABCDEF0123456789ABCDEF01234567
#>
[CmdletBinding()]
param(
    [string]$Python = "",
    [switch]$SkipInstaller,
    [string]$InnoSetup = "",
    [string]$SignThumbprint = "",
    [string]$TimestampUrl = "http://timestamp.digicert.com"
)

$ErrorActionPreference = "Stop"
Set-StrictMode -Version 3.0
$Root = Split-Path -Parent $PSScriptRoot
Set-Location $Root
$Started = Get-Date

function Say([string]$Text) { Write-Host "build-windows: $Text" }

# Run a program; stop the build if it fails (PowerShell does not, for native programs).
function Invoke-Checked {
    param([Parameter(Mandatory)][string]$What, [Parameter(Mandatory)][string]$Exe,
          [string[]]$Arguments = @())
    & $Exe @Arguments
    if ($LASTEXITCODE -ne 0) { throw "build-windows: $What failed (exit code $LASTEXITCODE): $Exe $Arguments" }
}

function Get-FolderMB([string]$Path) {
    $bytes = (Get-ChildItem -LiteralPath $Path -Recurse -File | Measure-Object -Property Length -Sum).Sum
    return [math]::Round($bytes / 1MB)
}

# ---- 1. the build venv --------------------------------------------------------------------
$Venv = Join-Path $Root "build\venv-windows"
$VenvPython = Join-Path $Venv "Scripts\python.exe"
if (-not (Test-Path $VenvPython)) {
    # Always arrays: in PowerShell "-3" + @("x") would glue strings, not join lists.
    if ($Python) {
        $parts = @($Python -split " " | Where-Object { $_ -ne "" })
        $base = $parts[0]
        $baseArgs = @($parts | Select-Object -Skip 1)
    } elseif (Get-Command py -ErrorAction SilentlyContinue) {
        $base = "py"
        $baseArgs = @("-3")
    } else {
        $base = "python"
        $baseArgs = @()
    }
    Say "making $Venv with $base $baseArgs"
    Invoke-Checked "checking for Python 3.11 or newer" $base (@($baseArgs) + @("-c", "import sys; sys.exit(sys.version_info < (3, 11))"))
    Invoke-Checked "python -m venv" $base (@($baseArgs) + @("-m", "venv", $Venv))
}
Invoke-Checked "pip upgrade" $VenvPython @("-m", "pip", "install", "-q", "--upgrade", "pip")
# rasdesk itself with its app extra (so every dependency is the one pyproject.toml names),
# and PyInstaller. The bundle's rasdesk code comes from src\ (PYTHONPATH below).
Invoke-Checked "pip install" $VenvPython @("-m", "pip", "install", "-q", ".[app]", "pyinstaller>=6.10")
$Version = (& $VenvPython -c "import tomllib; print(tomllib.load(open('pyproject.toml', 'rb'))['project']['version'])").Trim()
if ($LASTEXITCODE -ne 0 -or -not $Version) { throw "build-windows: cannot read the version from pyproject.toml" }
Say "rasdesk $Version"

# ---- 2. icon and version resource -----------------------------------------------------------
$Build = Join-Path $Root "build"
New-Item -ItemType Directory -Force -Path $Build | Out-Null
$Icon = Join-Path $Build "rasdesk.ico"
Invoke-Checked "making the icon" $VenvPython @("packaging\make_icon.py", $Icon)

# Windows wants four numbers: 0.1.0 -> (0, 1, 0, 0).
$nums = @($Version -split "[^0-9]+" | Where-Object { $_ -ne "" } | Select-Object -First 4)
while ($nums.Count -lt 4) { $nums += "0" }
$tuple = "(" + ($nums -join ", ") + ")"
$versionText = @"
# The Windows version resource of rasdesk.exe and rasdesk-app.exe (PyInstaller format),
# written by packaging\build-windows.ps1.
VSVersionInfo(
  ffi=FixedFileInfo(filevers=$tuple, prodvers=$tuple, mask=0x3f, flags=0x0, OS=0x40004,
                    fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([StringTable('080904B0', [
      StringStruct('CompanyName', 'rasdesk developers'),
      StringStruct('FileDescription', 'rasdesk: personal budget assessments'),
      StringStruct('FileVersion', '$Version'),
      StringStruct('InternalName', 'rasdesk'),
      StringStruct('LegalCopyright', 'Apache-2.0'),
      StringStruct('OriginalFilename', 'rasdesk.exe'),
      StringStruct('ProductName', 'rasdesk'),
      StringStruct('ProductVersion', '$Version')])]),
    VarFileInfo([VarStruct('Translation', [2057, 1200])])
  ]
)
"@
# UTF-8 without a byte-order mark, whatever the PowerShell version.
[System.IO.File]::WriteAllText((Join-Path $Build "windows-version.txt"), $versionText,
    (New-Object System.Text.UTF8Encoding $false))

# ---- 3. the bundle ----------------------------------------------------------------------------
$Dist = Join-Path $Root "dist"
$Bundle = Join-Path $Dist "rasdesk"
$oldPath = $env:PYTHONPATH
$env:PYTHONPATH = Join-Path $Root "src"
$env:RASDESK_QM_DIR = Join-Path $Build "pyinstaller\translations"
try {
    Invoke-Checked "PyInstaller" $VenvPython @("-m", "PyInstaller", "--noconfirm", "--clean",
        "--log-level", "WARN", "--distpath", $Dist, "--workpath", (Join-Path $Build "pyinstaller"),
        "packaging\rasdesk.spec")
} finally {
    $env:PYTHONPATH = $oldPath
    Remove-Item Env:RASDESK_QM_DIR -ErrorAction SilentlyContinue
}
foreach ($exe in "rasdesk.exe", "rasdesk-app.exe") {
    if (-not (Test-Path (Join-Path $Bundle $exe))) { throw "build-windows: $exe is missing from $Bundle" }
}

# ---- 4. smoke test -----------------------------------------------------------------------------
$Exe = Join-Path $Bundle "rasdesk.exe"
$Demo = Join-Path $Bundle "_internal\rasdesk\resources\demo"
$SmokeHome = Join-Path ([System.IO.Path]::GetTempPath()) ("rasdesk-smoke-" + [guid]::NewGuid())
$saved = @{ RASDESK_HOME = $env:RASDESK_HOME; QT_QPA_PLATFORM = $env:QT_QPA_PLATFORM }
$env:RASDESK_HOME = $SmokeHome
$env:QT_QPA_PLATFORM = "offscreen"
try {
    $got = (& $Exe --version | Out-String).Trim()
    if ($got -ne "rasdesk $Version") { throw "build-windows: --version said '$got', expected 'rasdesk $Version'" }
    $json = & $Exe compute --ruleset (Join-Path $Demo "demo.ruleset.signed.json") `
        --trust (Join-Path $Demo "DEMO-public-key.pem") `
        --answers (Join-Path $Demo "answers\person-example.json") --date 2026-11-23 --json | Out-String
    if ($LASTEXITCODE -ne 0) { throw "build-windows: compute failed (exit code $LASTEXITCODE)" }
    $weekly = ($json | ConvertFrom-Json).weekly
    if ($weekly -ne "301.20") { throw "build-windows: compute gave $weekly a week, expected 301.20" }
    $report = (& $Exe demo --self-test | Out-String).Trim()
    if ($LASTEXITCODE -ne 0) { throw "build-windows: demo --self-test failed: $report" }
    Say "smoke test passed: --version, compute (301.20 a week), demo --self-test: $report"
} finally {
    $env:RASDESK_HOME = $saved.RASDESK_HOME
    $env:QT_QPA_PLATFORM = $saved.QT_QPA_PLATFORM
    Remove-Item -Recurse -Force -LiteralPath $SmokeHome -ErrorAction SilentlyContinue
}

# ---- 5. signing (optional) ---------------------------------------------------------------------
function Invoke-Sign([string[]]$Files) {
    $signtool = Get-Command signtool.exe -ErrorAction SilentlyContinue
    if (-not $signtool) { throw "build-windows: signtool.exe not on PATH (install the Windows SDK)" }
    Invoke-Checked "signing" $signtool.Source (@("sign", "/sha1", $SignThumbprint, "/fd", "SHA256",
        "/tr", $TimestampUrl, "/td", "SHA256") + $Files)
}
if ($SignThumbprint) {
    Invoke-Sign @((Join-Path $Bundle "rasdesk.exe"), (Join-Path $Bundle "rasdesk-app.exe"))
}

# ---- 6. the installer ----------------------------------------------------------------------------
$Installer = $null
if (-not $SkipInstaller) {
    if (-not $InnoSetup) {
        $candidates = @()
        $onPath = Get-Command ISCC.exe -ErrorAction SilentlyContinue
        if ($onPath) { $candidates += $onPath.Source }
        foreach ($folder in @(${env:ProgramFiles(x86)}, $env:ProgramFiles)) {
            if ($folder) { $candidates += (Join-Path $folder "Inno Setup 6\ISCC.exe") }
        }
        if ($env:LOCALAPPDATA) { $candidates += (Join-Path $env:LOCALAPPDATA "Programs\Inno Setup 6\ISCC.exe") }
        $InnoSetup = $candidates | Where-Object { Test-Path $_ } | Select-Object -First 1
    }
    if (-not $InnoSetup) { throw "build-windows: ISCC.exe not found: install Inno Setup 6.3+ (winget install JRSoftware.InnoSetup) or pass -InnoSetup, or use -SkipInstaller" }
    Invoke-Checked "Inno Setup" $InnoSetup @("/Q", "/DAppVersion=$Version", "/DSourceDir=$Bundle",
        "/DOutputDir=$Dist", "/DIconFile=$Icon", "packaging\windows\rasdesk.iss")
    $Installer = Join-Path $Dist "rasdesk-$Version-setup.exe"
    if (-not (Test-Path $Installer)) { throw "build-windows: $Installer was not made" }
    if ($SignThumbprint) { Invoke-Sign @($Installer) }
}

# ---- figures ------------------------------------------------------------------------------------
$seconds = [math]::Round(((Get-Date) - $Started).TotalSeconds)
$files = (Get-ChildItem -LiteralPath $Bundle -Recurse -File).Count
Say "bundle $Bundle`: $(Get-FolderMB $Bundle) MB in $files files"
if ($Installer) { Say "installer $Installer`: $([math]::Round((Get-Item $Installer).Length / 1MB)) MB" }
Say "done in $seconds s"
