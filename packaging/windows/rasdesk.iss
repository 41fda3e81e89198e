; Inno Setup 6 script for rasdesk on Windows: a per-machine installer of the PyInstaller
; one-folder bundle (dist\rasdesk). packaging\build-windows.ps1 builds the bundle and then
; compiles this with ISCC, passing the version and folders:
;
;   ISCC /DAppVersion=0.1.0 /DSourceDir=..\..\dist\rasdesk /DOutputDir=..\..\dist
;        /DIconFile=..\..\build\rasdesk.ico packaging\windows\rasdesk.iss
;
; The result, dist\rasdesk-<version>-setup.exe, installs for every user of the computer
; (administrator rights; Program Files), adds a Start-menu entry, creates the
; administrator policy folder C:\ProgramData\rasdesk (only Administrators and SYSTEM can
; write it), and registers an uninstaller. docs\packaging.md lists the command lines for
; Intune, SCCM and Group Policy. In short:
;
;   install:    rasdesk-0.1.0-setup.exe /VERYSILENT /SUPPRESSMSGBOXES /NORESTART /LOG="%TEMP%\rasdesk-install.log"
;   uninstall:  "C:\Program Files\rasdesk\unins000.exe" /VERYSILENT /SUPPRESSMSGBOXES /NORESTART
;   uninstall and delete every user's case data too:  ... unins000.exe /VERYSILENT /PURGEDATA
;
; Uninstalling keeps people's case data (each user's %LOCALAPPDATA%\rasdesk) and the
; administrator policy folder, unless asked: with /PURGEDATA, or by answering Yes to the
; question an interactive uninstall asks (the default answer is No). Cases not yet sent to
; the council exist only there.

#ifndef AppVersion
  #error Pass the version: ISCC /DAppVersion=0.1.0 ... (build-windows.ps1 does)
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\rasdesk"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\dist"
#endif
#ifndef IconFile
  #define IconFile "..\..\build\rasdesk.ico"
#endif

[Setup]
; The AppId identifies rasdesk to Windows across versions: never change it, or an upgrade
; would install beside the old version instead of replacing it.
AppId={{2EA1A843-5633-4E17-AC76-D0207DF97292}
AppName=rasdesk
AppVersion={#AppVersion}
AppVerName=rasdesk {#AppVersion}
AppPublisher=rasdesk developers
VersionInfoVersion={#AppVersion}
VersionInfoDescription=rasdesk installer
DefaultDirName={autopf}\rasdesk
DisableDirPage=auto
DefaultGroupName=rasdesk
DisableProgramGroupPage=yes
; Per-machine: every user of the laptop gets the app; installing needs an administrator.
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0.17763
OutputDir={#OutputDir}
OutputBaseFilename=rasdesk-{#AppVersion}-setup
SetupIconFile={#IconFile}
UninstallDisplayIcon={app}\rasdesk-app.exe
UninstallDisplayName=rasdesk {#AppVersion}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; An upgrade while rasdesk is open: close it (it saves every answer as it is given).
CloseApplications=yes
RestartApplications=no
SetupLogging=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
; Inno Setup's Welsh messages are an unofficial translation (jrsoftware.org, "Inno Setup
; Translations"); put Welsh.isl in the compiler's Languages folder to offer them.
#define WelshIsl AddBackslash(CompilerPath) + "Languages\Welsh.isl"
#if FileExists(WelshIsl)
Name: "welsh"; MessagesFile: "{#WelshIsl}"
#endif

[CustomMessages]
english.DemoShortcut=Add a Start-menu entry for the demo (practice with fictional cases)
english.DemoName=rasdesk demo
english.PurgeQuestion=Also delete the rasdesk case data of every user of this computer?%n%nCases that have not been sent to the council are kept only there and would be lost for good.%n%nChoose No to keep it (the usual choice): reinstalling rasdesk finds it again.
#if FileExists(WelshIsl)
welsh.DemoShortcut=Ychwanegu cofnod yn y ddewislen Cychwyn ar gyfer y demo (ymarfer gydag achosion ffug)
welsh.DemoName=rasdesk demo
welsh.PurgeQuestion=Dileu data achosion rasdesk pob defnyddiwr ar y cyfrifiadur hwn hefyd?%n%nMae achosion sydd heb eu hanfon at y cyngor yn cael eu cadw yno yn unig, a byddent yn cael eu colli am byth.%n%nDewiswch Na i'w gadw (y dewis arferol): bydd ailosod rasdesk yn dod o hyd iddo eto.
#endif

[Tasks]
Name: "demoicon"; Description: "{cm:DemoShortcut}"; Flags: unchecked

[Dirs]
; The administrator policy folder (policy.json, key files). build-windows.ps1 and
; docs\policy.md describe what goes in it. Kept on uninstall: it is IT's, not the app's.
Name: "{commonappdata}\rasdesk"; Flags: uninsneveruninstall

[InstallDelete]
; An upgrade replaces the whole bundle: no library of the old version is left to be loaded.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\rasdesk"; Filename: "{app}\rasdesk-app.exe"; WorkingDir: "{app}"; Comment: "Personal budget assessments"
Name: "{autoprograms}\{cm:DemoName}"; Filename: "{app}\rasdesk-app.exe"; Parameters: "demo"; WorkingDir: "{app}"; Tasks: demoicon

[Run]
; Only Administrators and SYSTEM may change the policy; users (as whom rasdesk runs) read
; it. ProgramData's inherited rights would otherwise let any user create files in it.
; (SIDs, so the names work in a Welsh or any other language Windows.)
Filename: "{sys}\icacls.exe"; Parameters: """{commonappdata}\rasdesk"" /inheritance:r /grant:r *S-1-5-32-544:(OI)(CI)F *S-1-5-18:(OI)(CI)F *S-1-5-32-545:(OI)(CI)RX"; Flags: runhidden waituntilterminated; StatusMsg: "Securing the administrator policy folder..."
Filename: "{app}\rasdesk-app.exe"; Description: "{cm:LaunchProgram,rasdesk}"; Flags: nowait postinstall skipifsilent

[Code]
{ /PURGEDATA on the uninstaller's command line: delete every user's case data. }
function PurgeRequested(): Boolean;
var
  I: Integer;
begin
  Result := False;
  for I := 1 to ParamCount do
    if CompareText(ParamStr(I), '/PURGEDATA') = 0 then
      Result := True;
end;

{ Each user profile's folder, from the registry's profile list (profiles need not be under
  C:\Users). rasdesk keeps settings, cases, keys it trusts and logs in
  %LOCALAPPDATA%\rasdesk (platformdirs), i.e. <profile>\AppData\Local\rasdesk. }
procedure DeleteEveryUsersData();
var
  Names: TArrayOfString;
  I: Integer;
  Key, Profile, Folder: String;
begin
  Key := 'SOFTWARE\Microsoft\Windows NT\CurrentVersion\ProfileList';
  if not RegGetSubkeyNames(HKLM, Key, Names) then
    Exit;
  for I := 0 to GetArrayLength(Names) - 1 do
  begin
    if RegQueryStringValue(HKLM, Key + '\' + Names[I], 'ProfileImagePath', Profile) then
    begin
      StringChangeEx(Profile, '%SystemDrive%', ExpandConstant('{sd}'), True);
      Folder := AddBackslash(Profile) + 'AppData\Local\rasdesk';
      if DirExists(Folder) then
      begin
        if DelTree(Folder, True, True, True) then
          Log('Deleted ' + Folder)
        else
          Log('Could not delete ' + Folder + ' (in use?)');
      end;
    end;
  end;
  { The keys that unlocked each user's case store are in their Credential Manager, which
    only they can open; without the files they unlock nothing. }
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  Purge: Boolean;
begin
  if CurUninstallStep <> usPostUninstall then
    Exit;
  Purge := PurgeRequested();
  if (not Purge) and (not UninstallSilent()) then
    Purge := MsgBox(CustomMessage('PurgeQuestion'), mbConfirmation, MB_YESNO or MB_DEFBUTTON2) = IDYES;
  if Purge then
    DeleteEveryUsersData()
  else
    Log('Kept every user''s rasdesk case data (uninstall with /PURGEDATA to delete it)');
end;
