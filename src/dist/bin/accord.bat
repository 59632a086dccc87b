@echo off
rem Accord's launcher: runs the command line with the installation's files, whatever the working directory.
setlocal
set "APP_HOME=%~dp0.."
if defined JAVA_HOME (set "JAVA=%JAVA_HOME%\bin\java") else (set "JAVA=java")
"%JAVA%" %ACCORD_JAVA_OPTS% --add-exports jdk.crypto.cryptoki/sun.security.pkcs11.wrapper=ALL-UNNAMED -Daccord.home="%APP_HOME%" -cp "%APP_HOME%\lib\*" org.accord.app.Main %*
exit /b %ERRORLEVEL%
